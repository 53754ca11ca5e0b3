package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * TEST ONLY. A minimal DDL writer so the query tests have tables to run against. It is NOT the
 * product's DDL: the real writer is {@code dev.crmschema.compiler.emit.sql} (another branch); once it is
 * on main these tests should switch to it and this class should go.
 *
 * <p>It creates the schema, one enum type per enum column, one table per object (columns, NOT NULL,
 * defaults from the metadata encoding, primary key on id), a generated {@code searchVector}, foreign keys
 * for MANY_TO_ONE join columns, and per unique field a unique index on its first column that ignores
 * soft-deleted rows (as the real DDL does).
 */
final class TestOnlyDdl {
    private TestOnlyDdl() {}

    static List<String> statements(Workspace workspace, String schema) {
        List<String> sql = new ArrayList<>();
        sql.add("create schema " + q(schema));
        for (ObjectType object : workspace.objects()) {
            for (Field field : object.fields()) {
                for (Column column : field.columns()) {
                    if (column.enumType().isPresent()) {
                        sql.add("create type " + q(schema) + "." + q(column.enumType().get()) + " as enum ("
                                + enumValues(field, column).stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + ")");
                    }
                }
            }
        }
        for (ObjectType object : workspace.objects()) {
            sql.add(createTable(schema, object));
        }
        for (ObjectType object : workspace.objects()) {
            for (Field field : object.fields()) {
                // Like the real DDL: unique among live records only, so a soft-deleted record frees its value.
                if (field.isUnique() && !field.columns().isEmpty()) {
                    sql.add("create unique index on " + table(schema, object) + " (" + q(field.columns().get(0).name())
                            + ") where \"deletedAt\" is null");
                }
                if (field.isManyToOne()) {
                    sql.add("alter table " + table(schema, object) + " add foreign key (" + q(field.joinColumn().get().name())
                            + ") references " + table(schema, workspace.require(field.relation().get().targetObject()))
                            + " (\"id\") on delete " + field.relation().get().onDelete().get().sql());
                }
            }
        }
        return sql;
    }

    private static String createTable(String schema, ObjectType object) {
        List<String> parts = new ArrayList<>();
        for (Field field : object.storedFields()) {
            for (Column column : field.columns()) {
                parts.add(columnDefinition(schema, object, field, column));
            }
        }
        parts.add("primary key (\"id\")");
        return "create table " + table(schema, object) + " (" + String.join(", ", parts) + ")";
    }

    private static String columnDefinition(String schema, ObjectType object, Field field, Column column) {
        StringBuilder sql = new StringBuilder(q(column.name())).append(' ').append(type(schema, column));
        if (column.type() == ColumnType.TSVECTOR && field.name().equals("searchVector")) {
            return sql.append(" generated always as (").append(searchExpression(object)).append(") stored").toString();
        }
        if (!column.nullable()) {
            sql.append(" not null");
        }
        defaultValue(schema, field, column).ifPresent(d -> sql.append(" default ").append(d));
        return sql.toString();
    }

    private static String type(String schema, Column column) {
        return switch (column.type()) {
            case ENUM -> q(schema) + "." + q(column.enumType().get());
            case ENUM_ARRAY -> q(schema) + "." + q(column.enumType().get()) + "[]";
            default -> column.type().sql();
        };
    }

    private static Optional<String> defaultValue(String schema, Field field, Column column) {
        if (field.defaultValue().isEmpty()) {
            return Optional.empty();
        }
        Object value = field.defaultValue().get();
        if (column.property().isPresent()) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(column.property().get())) {
                return Optional.empty();
            }
            value = map.get(column.property().get());
        }
        if ("uuid".equals(value)) {
            return Optional.of("gen_random_uuid()");
        } else if ("now".equals(value)) {
            return Optional.of("now()");
        } else if (value instanceof List<?> list) {
            return Optional.of("array[" + list.stream().map(Object::toString).collect(Collectors.joining(", ")) + "]::" + type(schema, column));
        }
        // Quoted literals ('DOG'), numbers and booleans are valid SQL as written in the metadata.
        return Optional.of(value.toString());
    }

    private static String searchExpression(ObjectType object) {
        List<String> texts = new ArrayList<>();
        for (String name : object.searchFields()) {
            for (Column column : object.field(name).orElseThrow().columns()) {
                if (column.type() == ColumnType.TEXT) {
                    texts.add("coalesce(" + q(column.name()) + ", '')");
                }
            }
        }
        return texts.isEmpty() ? "''::tsvector" : "to_tsvector('simple'::regconfig, " + String.join(" || ' ' || ", texts) + ")";
    }

    private static List<String> enumValues(Field field, Column column) {
        if (column.property().isPresent()) {
            FieldKind kind = field.kind();
            return kind.property(column.property().get()).map(CompositeProperty::enumValues).orElseThrow();
        }
        return field.enumValues();
    }

    private static String table(String schema, ObjectType object) {
        return q(schema) + "." + q(object.tableName());
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
