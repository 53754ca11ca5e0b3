package dev.crmschema.compiler.syntax;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from one workspace folder, exactly as written and not yet resolved: the workspace
 * header from {@code workspace.yaml}, the objects, and the fields and indexes added to existing objects.
 */
public record WorkspaceElement(
        Located<String> name,
        Optional<String> displayName,
        Optional<String> description,
        boolean standardObjects,
        List<ObjectElement> objects,
        List<FieldElement> fieldExtensions,
        List<IndexElement> indexExtensions,
        SourceLocation location) {}
