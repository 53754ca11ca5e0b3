package dev.crmschema.compiler.link;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.compiler.model.RelationType;
import dev.crmschema.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides the physical columns of a field, following the reference system's storage rules. */
final class ColumnLayout {
    private ColumnLayout() {}

    static List<Column> columns(String table, String field, FieldKind kind, boolean nullable, Map<String, Object> settings,
            Optional<Relation> relation) {
        if (kind == FieldKind.RELATION) {
            if (relation.isPresent() && relation.get().type() == RelationType.MANY_TO_ONE) {
                return List.of(new Column(Names.joinColumn(field), ColumnType.UUID, Optional.empty(), nullable, Optional.empty()));
            }
            return List.of();
        }
        if (kind.isComposite()) {
            List<Column> columns = new ArrayList<>();
            for (CompositeProperty property : kind.properties()) {
                String name = Names.compositeColumn(field, property.name());
                // Sub-columns are nullable: a composite is "empty" when its parts are null.
                columns.add(column(table, name, property.kind(), true, Map.of(), Optional.of(property.name())));
            }
            return columns;
        }
        return List.of(column(table, field, kind, nullable, settings, Optional.empty()));
    }

    private static Column column(String table, String name, FieldKind kind, boolean nullable, Map<String, Object> settings,
            Optional<String> property) {
        ColumnType type = switch (kind) {
            case UUID -> ColumnType.UUID;
            case TEXT -> ColumnType.TEXT;
            case NUMBER -> numberType(settings);
            case NUMERIC -> ColumnType.NUMERIC;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case DATE_TIME -> ColumnType.TIMESTAMPTZ;
            case DATE -> ColumnType.DATE;
            case POSITION -> ColumnType.DOUBLE;
            case RAW_JSON -> ColumnType.JSONB;
            case ARRAY -> ColumnType.TEXT_ARRAY;
            case SELECT, RATING -> ColumnType.ENUM;
            case MULTI_SELECT -> ColumnType.ENUM_ARRAY;
            case TS_VECTOR -> ColumnType.TSVECTOR;
            default -> throw new IllegalStateException("not an atomic kind: " + kind);
        };
        Optional<String> enumType = type == ColumnType.ENUM || type == ColumnType.ENUM_ARRAY
                ? Optional.of(Names.pgEnum(table, name))
                : Optional.empty();
        return new Column(name, type, enumType, nullable, property);
    }

    private static ColumnType numberType(Map<String, Object> settings) {
        Object dataType = settings.get("dataType");
        if ("int".equals(dataType)) {
            return ColumnType.INTEGER;
        } else if ("bigint".equals(dataType)) {
            return ColumnType.BIGINT;
        }
        return ColumnType.DOUBLE;
    }
}
