package dev.crmschema.runtime.request;

import java.util.Optional;

/**
 * Which slice of an ordered result to return: {@code limit} records after {@code after}, or the last
 * {@code limit} records before {@code before} (still returned in the requested order).
 */
public record Page(int limit, Optional<Cursor> after, Optional<Cursor> before) {}
