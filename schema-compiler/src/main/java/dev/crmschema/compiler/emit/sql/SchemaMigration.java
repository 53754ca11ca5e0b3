package dev.crmschema.compiler.emit.sql;

import static dev.crmschema.compiler.emit.sql.SqlSyntax.identifier;
import static dev.crmschema.compiler.emit.sql.SqlSyntax.literal;
import static dev.crmschema.compiler.emit.sql.SqlSyntax.qualified;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The PostgreSQL statements that turn the schema of one model into the schema of the next, keeping the
 * data: renamed tables, columns, enum types and values are renamed (never dropped and re-added), new
 * columns are added, changed enum values, nullability, defaults and column types are altered, and what
 * the new model no longer has is dropped. Both models must include their inactive parts
 * ({@code SchemaCompiler.Result.withInactive()}), so deactivation never drops anything.
 *
 * <p>The statements run in this order, in one transaction: renames; search vectors whose inputs change are
 * dropped; indexes, foreign keys, columns, tables and enum types that are gone are dropped; enum values
 * change; columns are added; columns are altered; search vectors come back; and finally
 * {@link DdlWriter#statements} creates new tables, foreign keys and indexes (it skips what exists).
 * A change the data does not allow (NOT NULL over nulls, a unique index over duplicates) fails in
 * PostgreSQL, which rolls the whole transaction back.
 */
public final class SchemaMigration {
    /** Name an enum type has while it is being replaced; the transaction ends with it renamed back. */
    private static final String REPLACEMENT_TYPE = "crm_enum_replacement";

    private final Workspace before;
    private final Workspace after;
    private final ModelRenames renames;
    private final String schema;

    private final List<String> renaming = new ArrayList<>();
    private final List<String> searchDrops = new ArrayList<>();
    private final List<String> drops = new ArrayList<>();
    private final List<String> tableDrops = new ArrayList<>();
    private final List<String> enumChanges = new ArrayList<>();
    private final List<String> additions = new ArrayList<>();
    private final List<String> alterations = new ArrayList<>();
    private final List<String> searchAdds = new ArrayList<>();

    private SchemaMigration(Workspace before, Workspace after, ModelRenames renames, String schema) {
        this.before = before;
        this.after = after;
        this.renames = renames;
        this.schema = schema;
    }

    /**
     * Every statement, in order. Throws {@link IllegalArgumentException} for changes no migration can make
     * (a field's type or a relation's direction changing); callers refuse those before they get here.
     */
    public static List<String> statements(Workspace before, Workspace after, ModelRenames renames, String schema) {
        return new SchemaMigration(before, after, renames, schema).plan();
    }

    private List<String> plan() {
        Map<String, String> tableRenames = new LinkedHashMap<>();
        Set<String> keptObjects = new LinkedHashSet<>();
        for (ObjectType next : after.objects()) {
            Optional<ObjectType> previous = renames.previousObjectName(next.nameSingular()).flatMap(before::object);
            if (previous.isPresent()) {
                keptObjects.add(previous.get().nameSingular());
                tableRenames.put(previous.get().tableName(), next.tableName());
            }
        }
        for (ObjectType next : after.objects()) {
            Optional<ObjectType> previous = renames.previousObjectName(next.nameSingular()).flatMap(before::object);
            previous.ifPresent(p -> migrateObject(p, next, tableRenames));
        }
        for (ObjectType gone : before.objects()) {
            if (!keptObjects.contains(gone.nameSingular())) {
                tableDrops.add("DROP TABLE IF EXISTS " + qualified(schema, gone.tableName()));
                gone.columns().forEach(c -> c.enumType().ifPresent(t -> tableDrops.add(dropType(t))));
            }
        }
        List<String> all = new ArrayList<>();
        for (List<String> phase : List.of(renaming, searchDrops, drops, tableDrops, enumChanges, additions, alterations, searchAdds)) {
            all.addAll(phase);
        }
        all.addAll(DdlWriter.statements(after, schema));
        return List.copyOf(all);
    }

    private void migrateObject(ObjectType previous, ObjectType next, Map<String, String> tableRenames) {
        String table = next.tableName();
        if (!previous.tableName().equals(table)) {
            renaming.add("ALTER TABLE " + qualified(schema, previous.tableName()) + " RENAME TO " + identifier(table));
            renameConstraint(table, Names.primaryKey(previous.tableName()), Names.primaryKey(table));
        }
        Map<String, String> columnRenames = new LinkedHashMap<>();
        Set<String> keptFields = new LinkedHashSet<>();
        for (Field field : next.fields()) {
            Optional<Field> old = renames.previousFieldName(next.nameSingular(), field.name()).flatMap(previous::field);
            if (old.isEmpty()) {
                addColumns(next, field);
                continue;
            }
            keptFields.add(old.get().name());
            migrateField(next, old.get(), field, columnRenames);
        }
        for (Field gone : previous.fields()) {
            if (!keptFields.contains(gone.name())) {
                for (Column column : gone.columns()) {
                    drops.add("ALTER TABLE " + qualified(schema, table) + " DROP COLUMN IF EXISTS " + identifier(column.name()));
                    column.enumType().ifPresent(t -> drops.add(dropType(t)));
                }
            }
        }
        migrateIndexes(previous, next, columnRenames);
        migrateForeignKeys(previous, next, columnRenames, tableRenames);
        migrateSearchVector(previous, next, columnRenames);
    }

    private void migrateField(ObjectType object, Field old, Field field, Map<String, String> columnRenames) {
        String where = "field '" + object.nameSingular() + "." + field.name() + "'";
        if (old.kind() != field.kind()) {
            throw new IllegalArgumentException(where + " cannot change its type from " + old.kind() + " to " + field.kind());
        }
        if (old.columns().size() != field.columns().size()) {
            throw new IllegalArgumentException(where + " cannot change the direction of its relation");
        }
        String table = qualified(schema, object.tableName());
        for (int i = 0; i < field.columns().size(); i++) {
            Column from = old.columns().get(i);
            Column to = field.columns().get(i);
            columnRenames.put(from.name(), to.name());
            if (!from.name().equals(to.name())) {
                renaming.add("ALTER TABLE " + table + " RENAME COLUMN " + identifier(from.name()) + " TO " + identifier(to.name()));
            }
            if (from.enumType().isPresent() && to.enumType().isPresent() && !from.enumType().equals(to.enumType())) {
                renaming.add("ALTER TYPE " + qualified(schema, from.enumType().get()) + " RENAME TO " + identifier(to.enumType().get()));
            }
            boolean defaultDropped = to.enumType().isPresent() && migrateEnum(object, old, field, from, to);
            migrateColumn(table, old, field, from, to, defaultDropped);
        }
    }

    /** Renames, adds and removes enum values; returns whether the column's default had to be dropped. */
    private boolean migrateEnum(ObjectType object, Field old, Field field, Column from, Column to) {
        String type = qualified(schema, to.enumType().orElseThrow());
        List<String> oldValues = new ArrayList<>(DdlWriter.enumValues(old, from));
        List<String> newValues = DdlWriter.enumValues(field, to);
        if (to.property().isEmpty()) {
            for (Map.Entry<String, String> rename : renames.optionRenames(object.nameSingular(), field.name()).entrySet()) {
                int at = oldValues.indexOf(rename.getKey());
                if (at >= 0 && !newValues.contains(rename.getKey())) {
                    enumChanges.add("ALTER TYPE " + type + " RENAME VALUE " + literal(rename.getKey()) + " TO " + literal(rename.getValue()));
                    oldValues.set(at, rename.getValue());
                }
            }
        }
        if (oldValues.equals(newValues)) {
            return false;
        }
        boolean onlyAdded = newValues.containsAll(oldValues)
                && newValues.stream().filter(oldValues::contains).toList().equals(oldValues)
                && Objects.equals(ColumnDefaults.of(old, from), ColumnDefaults.of(field, to));
        if (onlyAdded) {
            // A value added in this transaction cannot be used in it; the default is unchanged, so none is.
            for (int i = 0; i < newValues.size(); i++) {
                String value = newValues.get(i);
                if (!oldValues.contains(value)) {
                    String position = i + 1 < newValues.size() && oldValues.contains(newValues.get(i + 1))
                            ? " BEFORE " + literal(newValues.get(i + 1))
                            : i > 0 ? " AFTER " + literal(newValues.get(i - 1)) : "";
                    enumChanges.add("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + literal(value) + position);
                }
            }
            return false;
        }
        replaceEnum(qualified(schema, object.tableName()), to, newValues);
        return true;
    }

    /**
     * PostgreSQL cannot remove or reorder enum values, so the column moves to a new type; records whose
     * value was removed lose it (NULL, or the value leaves the MULTI_SELECT array), as the reference does.
     */
    private void replaceEnum(String table, Column column, List<String> values) {
        String type = qualified(schema, column.enumType().orElseThrow());
        String replacement = qualified(schema, REPLACEMENT_TYPE);
        String name = identifier(column.name());
        String kept = values.stream().map(SqlSyntax::literal).collect(Collectors.joining(", "));
        boolean array = column.type() == ColumnType.ENUM_ARRAY;
        enumChanges.add("DROP TYPE IF EXISTS " + replacement);
        enumChanges.add("CREATE TYPE " + replacement + " AS ENUM (" + kept + ")");
        enumChanges.add("ALTER TABLE " + table + " ALTER COLUMN " + name + " DROP DEFAULT");
        enumChanges.add(array
                ? "UPDATE " + table + " SET " + name + " = ARRAY(SELECT v FROM unnest(" + name + ") v WHERE v::text IN (" + kept + "))"
                        + " WHERE NOT (" + name + "::text[] <@ ARRAY[" + kept + "]::text[])"
                : "UPDATE " + table + " SET " + name + " = NULL WHERE " + name + "::text NOT IN (" + kept + ")");
        enumChanges.add("ALTER TABLE " + table + " ALTER COLUMN " + name + " TYPE " + replacement + (array ? "[]" : "")
                + " USING " + name + (array ? "::text[]::" + replacement + "[]" : "::text::" + replacement));
        enumChanges.add("DROP TYPE " + type);
        enumChanges.add("ALTER TYPE " + replacement + " RENAME TO " + identifier(column.enumType().get()));
    }

    private void migrateColumn(String table, Field old, Field field, Column from, Column to, boolean defaultDropped) {
        String alter = "ALTER TABLE " + table + " ALTER COLUMN " + identifier(to.name());
        if (from.type() != to.type() && from.enumType().isEmpty()) {
            alterations.add(alter + " TYPE " + to.type().sql() + " USING " + identifier(to.name()) + "::" + to.type().sql());
        }
        Optional<String> oldDefault = ColumnDefaults.of(old, from);
        Optional<String> newDefault = ColumnDefaults.of(field, to);
        if (defaultDropped || !oldDefault.equals(newDefault)) {
            if (newDefault.isPresent()) {
                alterations.add(alter + " SET DEFAULT " + newDefault.get());
            } else if (oldDefault.isPresent() && !defaultDropped) {
                alterations.add(alter + " DROP DEFAULT");
            }
        }
        if (from.nullable() != to.nullable() && !SearchVectorColumn.isSearchVector(field)) {
            if (!to.nullable() && newDefault.isPresent()) {
                // Records without a value take the default, as new records would.
                alterations.add("UPDATE " + table + " SET " + identifier(to.name()) + " = DEFAULT WHERE " + identifier(to.name()) + " IS NULL");
            }
            alterations.add(alter + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
    }

    private void addColumns(ObjectType object, Field field) {
        for (Column column : field.columns()) {
            column.enumType().ifPresent(t -> additions.add(DdlWriter.enumType(schema, t, DdlWriter.enumValues(field, column))));
            additions.add("ALTER TABLE " + qualified(schema, object.tableName()) + " ADD COLUMN IF NOT EXISTS "
                    + DdlWriter.column(schema, object, field, column));
        }
    }

    /** Indexes follow renamed tables and columns; an index the new model no longer wants is dropped. */
    private void migrateIndexes(ObjectType previous, ObjectType next, Map<String, String> columnRenames) {
        Map<String, TableIndex> wanted = new LinkedHashMap<>();
        TableIndex.of(next).forEach(index -> wanted.put(indexKey(index.columns(), index), index));
        for (TableIndex index : TableIndex.of(previous)) {
            List<String> columns = index.columns().stream().map(c -> columnRenames.getOrDefault(c, "")).toList();
            if (columns.contains("")) {
                continue; // a column is dropped, and the index with it
            }
            TableIndex kept = wanted.get(indexKey(columns, index));
            if (kept == null) {
                drops.add("DROP INDEX IF EXISTS " + qualified(schema, index.name()));
            } else if (!kept.name().equals(index.name())) {
                renaming.add("ALTER INDEX " + qualified(schema, index.name()) + " RENAME TO " + identifier(kept.name()));
            }
        }
    }

    private static String indexKey(List<String> columns, TableIndex index) {
        return columns + "/" + index.unique() + "/" + index.method() + "/" + index.liveRowsOnly();
    }

    /** Foreign keys follow renames; one whose target or ON DELETE action changed is dropped and created anew. */
    private void migrateForeignKeys(ObjectType previous, ObjectType next, Map<String, String> columnRenames,
            Map<String, String> tableRenames) {
        Map<String, ForeignKey> wanted = new LinkedHashMap<>();
        ForeignKey.of(after, next).forEach(fk -> wanted.put(fk.column(), fk));
        String table = qualified(schema, next.tableName());
        for (ForeignKey fk : ForeignKey.of(before, previous)) {
            String column = columnRenames.get(fk.column());
            if (column == null) {
                continue;
            }
            ForeignKey kept = wanted.get(column);
            boolean same = kept != null && kept.targetTable().equals(tableRenames.get(fk.targetTable()))
                    && kept.onDelete().equals(fk.onDelete());
            if (!same) {
                drops.add("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + identifier(fk.name()));
            } else if (!kept.name().equals(fk.name())) {
                renameConstraint(next.tableName(), fk.name(), kept.name());
            }
        }
    }

    /** A generated column cannot change its expression: it is dropped first and added back last. */
    private void migrateSearchVector(ObjectType previous, ObjectType next, Map<String, String> columnRenames) {
        Optional<Field> vector = next.fields().stream().filter(SearchVectorColumn::isSearchVector).findFirst();
        boolean hadVector = previous.fields().stream().anyMatch(SearchVectorColumn::isSearchVector);
        if (vector.isEmpty() || !hadVector) {
            return;
        }
        List<String> oldSources = SearchVectorColumn.sourceColumns(previous).stream().map(columnRenames::get).toList();
        if (oldSources.equals(SearchVectorColumn.sourceColumns(next))) {
            return;
        }
        String table = qualified(schema, next.tableName());
        Column column = vector.get().columns().get(0);
        searchDrops.add("ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + identifier(column.name()));
        searchAdds.add("ALTER TABLE " + table + " ADD COLUMN " + DdlWriter.column(schema, next, vector.get(), column));
    }

    private void renameConstraint(String table, String from, String to) {
        if (!from.equals(to)) {
            renaming.add("ALTER TABLE " + qualified(schema, table) + " RENAME CONSTRAINT " + identifier(from) + " TO " + identifier(to));
        }
    }

    private String dropType(String type) {
        return "DROP TYPE IF EXISTS " + qualified(schema, type);
    }
}
