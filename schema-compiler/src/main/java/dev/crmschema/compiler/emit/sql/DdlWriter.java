package dev.crmschema.compiler.emit.sql;

import static dev.crmschema.compiler.emit.sql.SqlSyntax.identifier;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PostgreSQL statements that create one workspace's schema, in the order they must run: schema,
 * enum types, tables, then foreign keys (so tables may reference each other in any order) and indexes.
 *
 * <p>Each statement is valid PostgreSQL 17 and can run again without error: {@code IF NOT EXISTS} where
 * PostgreSQL has it, and a {@code DO} block that ignores {@code duplicate_object} for enum types and
 * foreign keys, which have no such clause. This creates a schema; it does not migrate one (an existing
 * table keeps its columns), apart from the pending-list size of text-search indexes, which an {@code ALTER
 * INDEX} sets on existing ones too. Statements have no trailing semicolon, so a JDBC caller can execute each.
 */
public final class DdlWriter {
    /** Dollar-quote tag of DO blocks; enum values and names (validated identifiers) cannot contain it. */
    private static final String TAG = "$ddl$";
    private static final String INDENT = "    ";
    /**
     * Kilobytes of new entries a GIN index collects before merging them into its main structure:
     * PostgreSQL's smallest value, against a default of 4,096. The insert that fills the list pays the
     * merge; at the default that was one create in tens of thousands waiting 0.3 to 1.2 s under a stream
     * of creates, at 64 kB it is a few milliseconds, for about a tenth more CPU per insert.
     */
    static final int GIN_PENDING_LIST_KB = 64;

    private DdlWriter() {}

    /** Every statement for {@code workspace} in schema {@code schema}. */
    public static List<String> statements(Workspace workspace, String schema) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA IF NOT EXISTS " + identifier(schema));
        for (ObjectType object : workspace.objects()) {
            for (Field field : object.fields()) {
                for (Column column : field.columns()) {
                    column.enumType().ifPresent(type -> statements.add(enumType(schema, type, enumValues(field, column))));
                }
            }
        }
        for (ObjectType object : workspace.objects()) {
            statements.add(table(schema, object));
        }
        for (ObjectType object : workspace.objects()) {
            ForeignKey.of(workspace, object).forEach(fk -> statements.add(foreignKey(schema, fk)));
        }
        for (ObjectType object : workspace.objects()) {
            for (TableIndex index : TableIndex.of(object)) {
                statements.add(index(schema, index));
                if (index.method() == TableIndex.Method.GIN) {
                    statements.add(settingPendingListLimit(schema, index));
                }
            }
        }
        return List.copyOf(statements);
    }

    /** Values of an enum column: the field's options (or RATING values), or a composite sub-field's fixed values. */
    static List<String> enumValues(Field field, Column column) {
        return column.property()
                .flatMap(p -> field.kind().property(p))
                .map(p -> p.enumValues())
                .orElseGet(field::enumValues);
    }

    static String enumType(String schema, String type, List<String> values) {
        String list = values.stream().map(SqlSyntax::literal).collect(Collectors.joining(", "));
        return ignoringDuplicate("CREATE TYPE " + SqlSyntax.qualified(schema, type) + " AS ENUM (" + list + ")");
    }

    private static String table(String schema, ObjectType object) {
        List<String> lines = new ArrayList<>();
        for (Field field : object.fields()) {
            for (Column column : field.columns()) {
                lines.add(column(schema, object, field, column));
            }
        }
        lines.add("CONSTRAINT " + identifier(Names.primaryKey(object.tableName())) + " PRIMARY KEY (" + identifier(ForeignKey.ID) + ")");
        return "CREATE TABLE IF NOT EXISTS " + SqlSyntax.qualified(schema, object.tableName()) + " (\n"
                + lines.stream().map(line -> INDENT + line).collect(Collectors.joining(",\n")) + "\n)";
    }

    /** One column's definition, as in CREATE TABLE and ALTER TABLE ... ADD COLUMN. */
    static String column(String schema, ObjectType object, Field field, Column column) {
        StringBuilder sql = new StringBuilder(identifier(column.name())).append(' ').append(type(schema, column));
        if (SearchVectorColumn.isSearchVector(field)) {
            return sql.append(" GENERATED ALWAYS AS (").append(SearchVectorColumn.expression(object)).append(") STORED").toString();
        }
        ColumnDefaults.of(field, column).ifPresent(d -> sql.append(" DEFAULT ").append(d));
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    static String type(String schema, Column column) {
        return switch (column.type()) {
            case ENUM -> SqlSyntax.qualified(schema, column.enumType().orElseThrow());
            case ENUM_ARRAY -> SqlSyntax.qualified(schema, column.enumType().orElseThrow()) + "[]";
            default -> column.type().sql();
        };
    }

    private static String foreignKey(String schema, ForeignKey fk) {
        String sql = "ALTER TABLE " + SqlSyntax.qualified(schema, fk.table())
                + " ADD CONSTRAINT " + identifier(fk.name())
                + " FOREIGN KEY (" + identifier(fk.column()) + ")"
                + " REFERENCES " + SqlSyntax.qualified(schema, fk.targetTable()) + " (" + identifier(ForeignKey.ID) + ")"
                + fk.onDelete().map(action -> " ON DELETE " + action.sql()).orElse("");
        return ignoringDuplicate(sql);
    }

    private static String index(String schema, TableIndex index) {
        StringBuilder sql = new StringBuilder(index.unique() ? "CREATE UNIQUE INDEX" : "CREATE INDEX")
                .append(" IF NOT EXISTS ").append(identifier(index.name()))
                .append(" ON ").append(SqlSyntax.qualified(schema, index.table()));
        if (index.method() == TableIndex.Method.GIN) {
            sql.append(" USING GIN");
        }
        sql.append(" (").append(index.columns().stream().map(SqlSyntax::identifier).collect(Collectors.joining(", "))).append(')');
        if (index.method() == TableIndex.Method.GIN) {
            sql.append(" WITH (").append(pendingListLimit()).append(')');
        }
        if (index.liveRowsOnly()) {
            sql.append(" WHERE ").append(identifier(TableIndex.DELETED_AT)).append(" IS NULL");
        }
        return sql.toString();
    }

    private static String pendingListLimit() {
        return "gin_pending_list_limit = " + GIN_PENDING_LIST_KB;
    }

    /**
     * Gives an index created before the limit was set the limit too. Only when it lacks it: ALTER INDEX locks
     * the index against every reader of its table until the transaction ends, and these statements run again
     * with every metadata change.
     */
    private static String settingPendingListLimit(String schema, TableIndex index) {
        String name = SqlSyntax.qualified(schema, index.name());
        String setting = "gin_pending_list_limit=" + GIN_PENDING_LIST_KB;
        return doBlock(INDENT + "IF NOT EXISTS (SELECT FROM pg_class WHERE oid = " + SqlSyntax.literal(name) + "::regclass"
                + " AND reloptions @> ARRAY[" + SqlSyntax.literal(setting) + "]) THEN\n"
                + INDENT + INDENT + "ALTER INDEX " + name + " SET (" + pendingListLimit() + ");\n"
                + INDENT + "END IF;\n");
    }

    /** Runs {@code statement} unless the object it creates exists already. */
    private static String ignoringDuplicate(String statement) {
        return doBlock(INDENT + statement + ";\n" + "EXCEPTION WHEN duplicate_object THEN NULL;\n");
    }

    /** An anonymous PL/pgSQL block around {@code body} (lines ending in a newline), dollar-quoted by {@link #TAG}. */
    private static String doBlock(String body) {
        if (body.contains(TAG)) {
            throw new IllegalArgumentException("statement contains the dollar-quote tag " + TAG + ": " + body);
        }
        return "DO " + TAG + " BEGIN\n" + body + "END " + TAG;
    }
}
