package dev.crmschema.compiler.emit.sql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.OnDelete;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import java.util.List;
import java.util.Optional;

/** The foreign key of one MANY_TO_ONE join column: it references the target table's id. */
public record ForeignKey(String name, String table, String column, String targetTable, Optional<OnDelete> onDelete) {

    /** The primary key column every table has. */
    public static final String ID = "id";

    /** The foreign keys of an object's table, in field order. */
    public static List<ForeignKey> of(Workspace workspace, ObjectType object) {
        return object.fields().stream()
                .filter(Field::isManyToOne)
                .map(field -> of(workspace, object, field))
                .toList();
    }

    private static ForeignKey of(Workspace workspace, ObjectType object, Field field) {
        Relation relation = field.relation().orElseThrow();
        String column = field.joinColumn().orElseThrow().name();
        String target = workspace.require(relation.targetObject()).tableName();
        return new ForeignKey(Names.foreignKey(object.tableName(), column), object.tableName(), column, target, relation.onDelete());
    }
}
