package dev.crmschema.runtime.request;

import java.util.List;

/**
 * A decoded keyset cursor: the values of the record it points at, one per order item (same order as the
 * request's order items, {@code id} last), already converted to the columns' Java types.
 */
public record Cursor(List<Object> values) {}
