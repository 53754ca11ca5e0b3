package dev.crmschema.compiler.emit.graphql;

import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/** What each SDL object type of a workspace schema is, which decides the Java class it gets. */
final class ObjectRoles {
    enum Role {
        ROOT,
        PAGE_INFO,
        RECORD,
        EDGE,
        CONNECTION,
        GROUP_CONNECTION,
        COMPOSITE
    }

    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, ObjectType> objects = new LinkedHashMap<>();

    ObjectRoles(Workspace workspace) {
        roles.put(FixedTypes.QUERY, Role.ROOT);
        roles.put(FixedTypes.MUTATION, Role.ROOT);
        roles.put(FixedTypes.PAGE_INFO, Role.PAGE_INFO);
        for (FieldKind kind : FieldKind.values()) {
            if (kind.isComposite()) {
                roles.put(Names.compositeType(kind), Role.COMPOSITE);
            }
        }
        for (ObjectType object : workspace.objects()) {
            roles.put(Names.type(object), Role.RECORD);
            roles.put(Names.edgeType(object), Role.EDGE);
            roles.put(Names.connectionType(object), Role.CONNECTION);
            roles.put(Names.groupByConnectionType(object), Role.GROUP_CONNECTION);
            objects.put(Names.type(object), object);
        }
    }

    Role of(String typeName) {
        Role role = roles.get(typeName);
        if (role == null) {
            throw new IllegalStateException("GraphQL object type " + typeName + " has no known role");
        }
        return role;
    }

    /** The object whose record type this is. */
    ObjectType object(String recordType) {
        return objects.get(recordType);
    }
}
