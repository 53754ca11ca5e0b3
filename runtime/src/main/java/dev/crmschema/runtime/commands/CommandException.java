package dev.crmschema.runtime.commands;

/** An operator error: printed as one clear message, and the command exits non-zero. */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message, null, false, false);
    }
}
