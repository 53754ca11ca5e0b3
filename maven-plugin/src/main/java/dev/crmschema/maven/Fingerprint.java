package dev.crmschema.maven;

import dev.crmschema.compiler.emit.Artifact;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SHA-256 over everything a generation depends on: every metadata file's path and text, the plugin
 * configuration and the identity of the compiler. Equal fingerprints mean equal output.
 */
final class Fingerprint {
    private Fingerprint() {}

    static String of(List<WorkspaceFolder> workspaces, GenerationOptions options, Set<Artifact> artifacts,
            String toolIdentity) {
        Digest digest = new Digest();
        digest.put("crm-schema fingerprint 1");
        digest.put("tool").put(toolIdentity);
        digest.put("basePackage").put(options.basePackage());
        digest.put("sourceOutputDirectory").put(options.sourceOutputDirectory().toString());
        digest.put("resourceOutputDirectory").put(options.resourceOutputDirectory().toString());
        for (Artifact artifact : artifacts) { // an EnumSet: declaration order
            digest.put("artifact").put(artifact.name());
        }
        for (WorkspaceFolder workspace : workspaces) { // sorted by folder name
            digest.put("workspace").put(workspace.label());
            for (Map.Entry<String, String> file : workspace.files().byPath().entrySet()) { // sorted by path
                digest.put("file").put(file.getKey()).put(file.getValue());
            }
        }
        return digest.hex();
    }

    /** A SHA-256 whose every input is length-prefixed, so ("ab","c") and ("a","bc") hash differently. */
    static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        Digest put(String text) {
            return put(text.getBytes(StandardCharsets.UTF_8));
        }

        Digest put(byte[] bytes) {
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha.update(bytes);
            return this;
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
