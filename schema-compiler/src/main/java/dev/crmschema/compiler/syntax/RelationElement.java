package dev.crmschema.compiler.syntax;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.Optional;

/** The {@code relation:} block of a RELATION field as written. */
public record RelationElement(
        Located<String> type,
        Located<String> targetObject,
        Located<String> inverseField,
        Optional<Located<String>> onDelete,
        SourceLocation location) {}
