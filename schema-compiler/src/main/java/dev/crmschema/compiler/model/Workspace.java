package dev.crmschema.compiler.model;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * The linked, validated model of one workspace: the only input every emitter sees. Objects are
 * sorted by singular name, so output never depends on the order of input files.
 */
public record Workspace(
        String name, String displayName, Optional<String> description, List<ObjectType> objects, SourceLocation location) {

    public Optional<ObjectType> object(String nameSingular) {
        return objects.stream().filter(o -> o.nameSingular().equals(nameSingular)).findFirst();
    }

    public Optional<ObjectType> objectByPlural(String namePlural) {
        return objects.stream().filter(o -> o.namePlural().equals(namePlural)).findFirst();
    }

    public ObjectType require(String nameSingular) {
        return object(nameSingular).orElseThrow(() -> new IllegalArgumentException("no object " + nameSingular));
    }
}
