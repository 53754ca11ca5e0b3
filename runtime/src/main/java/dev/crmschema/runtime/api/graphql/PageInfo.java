package dev.crmschema.runtime.api.graphql;

/**
 * The {@code PageInfo} type of every workspace schema (reference contract, section 2.3). It is a
 * runtime class rather than a generated one because its shape never depends on the workspace.
 */
public record PageInfo(String startCursor, String endCursor, boolean hasNextPage, boolean hasPreviousPage) {}
