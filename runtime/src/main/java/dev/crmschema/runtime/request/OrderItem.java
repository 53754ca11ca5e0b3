package dev.crmschema.runtime.request;

/** One ordering term; requests always end with {@code id} as the tie-breaker. */
public record OrderItem(FieldPath path, OrderDirection direction) {}
