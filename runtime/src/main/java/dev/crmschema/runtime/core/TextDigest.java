package dev.crmschema.runtime.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of texts in their order, in hex: how {@link AppliedDdl} names the statements a schema received
 * and the model class cache names an entry. Each text ends with a NUL, which none holds, so the boundaries
 * count: {@code ["ab", "c"]} and {@code ["a", "bc"]} differ.
 */
public final class TextDigest {
    private TextDigest() {}

    public static String of(List<String> texts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                sha256.update(text.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
