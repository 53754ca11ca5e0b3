package dev.crmschema.compiler.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when metadata is invalid: carries every diagnostic, never a stack trace worth reading. */
public final class CompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public CompilationException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String summary(List<Diagnostic> diagnostics) {
        return diagnostics.size() + " problem(s) in workspace metadata:\n"
                + diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }
}
