package dev.crmschema.compiler.syntax;

import dev.crmschema.compiler.diag.SourceLocation;

/** A value read from metadata together with where it was written. */
public record Located<T>(T value, SourceLocation location) {}
