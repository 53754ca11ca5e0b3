package dev.crmschema.maven;

/**
 * What one run of the {@code generate} goal did.
 *
 * @param upToDate true when inputs were unchanged and nothing was generated
 * @param workspaces how many workspaces were found
 * @param files how many files the workspaces produce (0 when up to date)
 * @param written how many of them changed on disk; the others already had the right bytes
 * @param staleRemoved how many files of earlier generations were deleted
 */
public record GenerationReport(boolean upToDate, int workspaces, int files, int written, int staleRemoved) {}
