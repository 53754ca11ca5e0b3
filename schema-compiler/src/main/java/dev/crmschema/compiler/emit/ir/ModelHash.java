package dev.crmschema.compiler.emit.ir;

import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable fingerprint of a linked model: the SHA-256 (lower-case hex) of its canonical IR JSON. Two
 * models hash alike exactly when their {@code ir.json} is byte-identical, so the runtime can tell
 * whether compiled classes still match a workspace's metadata.
 */
public final class ModelHash {
    private ModelHash() {}

    public static String of(Workspace workspace, EmitContext context) {
        String ir = new IrJsonEmitter().emit(workspace, context).get(0).content();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ir.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
