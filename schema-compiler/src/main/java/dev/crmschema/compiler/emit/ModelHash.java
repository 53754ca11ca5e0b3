package dev.crmschema.compiler.emit;

import dev.crmschema.compiler.emit.ir.IrJsonEmitter;
import dev.crmschema.compiler.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A stable fingerprint of a data model: SHA-256 of its canonical IR, ignoring the workspace's own name,
 * so that workspaces with identical models share one set of compiled classes.
 */
public final class ModelHash {
    private ModelHash() {}

    public static String of(Workspace workspace) {
        Workspace anonymous = new Workspace("model", "model", Optional.empty(), workspace.objects(), workspace.location());
        String ir = new IrJsonEmitter().emit(anonymous, new EmitContext("model")).get(0).content();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ir.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
