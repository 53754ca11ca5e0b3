package dev.crmschema.compiler.syntax;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One index as written: the fields it covers, in order, each a field name or {@code field.subField} for a
 * composite. {@code object} is set for indexes added to an existing object from a top-level list.
 */
public record IndexElement(Optional<Located<String>> object, List<Located<String>> fields, SourceLocation location) {}
