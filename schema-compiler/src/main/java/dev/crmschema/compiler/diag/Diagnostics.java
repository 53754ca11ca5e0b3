package dev.crmschema.compiler.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects every problem found while reading and linking, so one run reports all of them at once.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void error(DiagnosticCode code, SourceLocation at, String message) {
        items.add(new Diagnostic(Severity.ERROR, code, message, at, Optional.empty()));
    }

    public void error(DiagnosticCode code, SourceLocation at, String message, Optional<String> hint) {
        items.add(new Diagnostic(Severity.ERROR, code, message, at, hint));
    }

    public void error(DiagnosticCode code, SourceLocation at, String message, String hint) {
        items.add(new Diagnostic(Severity.ERROR, code, message, at, Optional.ofNullable(hint)));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Every diagnostic, in a stable order (file, line, column, code). */
    public List<Diagnostic> sorted() {
        return items.stream().sorted(Diagnostic.ORDER).distinct().toList();
    }

    public void throwIfErrors() {
        if (hasErrors()) {
            throw new CompilationException(sorted());
        }
    }
}
