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

    // Loops rather than streams: the runtime asks these on every request.

    public Optional<ObjectType> object(String nameSingular) {
        for (ObjectType object : objects) {
            if (object.nameSingular().equals(nameSingular)) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    public Optional<ObjectType> objectByPlural(String namePlural) {
        for (ObjectType object : objects) {
            if (object.namePlural().equals(namePlural)) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    public ObjectType require(String nameSingular) {
        return object(nameSingular).orElseThrow(() -> new IllegalArgumentException("no object " + nameSingular));
    }
}
