package dev.crmschema.maven;

/**
 * The build cannot go on because of the user's metadata or configuration. The message is complete and
 * meant for the build log as is; the Mojos turn it into a build failure, never a stack trace.
 */
public final class SchemaBuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public SchemaBuildException(String message) {
        super(message, null, false, false);
    }
}
