package dev.crmschema.runtime.metadata;

import java.util.List;

/**
 * A metadata change the compiler's validator refused: every diagnostic, rendered with its location in
 * the workspace's metadata files, becomes one message of a 400 answer.
 */
public final class InvalidMetadataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> messages;

    public InvalidMetadataException(List<String> messages) {
        super(String.join("\n", messages), null, false, false);
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
