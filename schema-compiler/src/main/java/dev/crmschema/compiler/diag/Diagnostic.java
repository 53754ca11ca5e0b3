package dev.crmschema.compiler.diag;

import java.util.Comparator;
import java.util.Optional;

/** One problem found in metadata, located precisely, with a stable code and an optional hint. */
public record Diagnostic(
        Severity severity, DiagnosticCode code, String message, SourceLocation location, Optional<String> hint) {

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location, SourceLocation.ORDER)
            .thenComparing(d -> d.code().code())
            .thenComparing(Diagnostic::message);

    /**
     * Renders the diagnostic the way compilers do, so IDEs and terminals can link to the spot:
     * {@code objects/pet.yaml:4:11: error CRM200: unknown field type 'TXT' (at /objects/0/fields/1/type)}.
     */
    public String render() {
        StringBuilder out = new StringBuilder()
                .append(location)
                .append(": ")
                .append(severity.label())
                .append(' ')
                .append(code.code())
                .append(": ")
                .append(message)
                .append(" (at ")
                .append(location.pointer().isEmpty() ? "/" : location.pointer())
                .append(')');
        hint.ifPresent(h -> out.append("\n    hint: ").append(h));
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
