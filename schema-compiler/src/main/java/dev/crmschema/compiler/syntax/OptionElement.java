package dev.crmschema.compiler.syntax;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.Optional;

/** One SELECT / MULTI_SELECT option as written. */
public record OptionElement(
        Located<String> value, Optional<String> label, Optional<Integer> position, Optional<String> color,
        SourceLocation location) {}
