package dev.crmschema.compiler.emit.sql;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One index of a table, over its columns in order. Unique indexes cover only rows that are not soft-deleted
 * ({@code liveRowsOnly}), so a deleted record does not block a new one with the same value; they are indexes
 * rather than constraints because a constraint cannot be partial. {@code declared} marks the indexes the
 * metadata asks for, as against those every deployment gets.
 */
public record TableIndex(String name, String table, List<String> columns, boolean unique, Method method, boolean liveRowsOnly,
        boolean declared) {

    public TableIndex {
        columns = List.copyOf(columns);
    }

    /** Soft-deleted rows have this column set. */
    public static final String DELETED_AT = "deletedAt";

    public enum Method {
        BTREE,
        GIN
    }

    /**
     * The indexes a deployment needs: unique fields, every join column (lookups and ON DELETE actions),
     * position and createdAt (default orderings), GIN on text-search vectors, the ids of the rows that are
     * not soft-deleted, then the indexes the metadata declares (those that repeat a built-in one are left out).
     */
    public static List<TableIndex> of(ObjectType object) {
        String table = object.tableName();
        boolean softDeletes = object.field(DELETED_AT).isPresent();
        List<TableIndex> indexes = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.isUnique() && !field.columns().isEmpty()) {
                String column = uniqueColumn(field).name();
                indexes.add(new TableIndex(Names.uniqueIndex(table, column), table, List.of(column), true, Method.BTREE, softDeletes, false));
            }
        }
        if (softDeletes) {
            // Every list counts the live rows for totalCount: with this index PostgreSQL counts them in
            // an index-only scan instead of reading every (wide) row: 2.5 times faster at 10,000 rows.
            indexes.add(new TableIndex(Names.liveRowsIndex(table), table, List.of(ForeignKey.ID), false, Method.BTREE, true, false));
        }
        for (Field field : object.fields()) {
            field.joinColumn().ifPresent(c -> indexes.add(btree(table, List.of(c.name()))));
        }
        for (String ordering : List.of("position", "createdAt")) {
            object.field(ordering).ifPresent(f -> indexes.add(btree(table, List.of(f.columns().get(0).name()))));
        }
        for (Column column : object.columns()) {
            if (column.type() == ColumnType.TSVECTOR) {
                indexes.add(new TableIndex(Names.index(table, List.of(column.name())), table, List.of(column.name()), false, Method.GIN, false,
                        false));
            }
        }
        for (List<String> paths : object.indexes()) {
            declaredColumns(object, paths).filter(columns -> !indexes.contains(btree(table, columns)))
                    .ifPresent(columns -> indexes.add(new TableIndex(Names.index(table, columns), table, columns, false, Method.BTREE,
                            false, true)));
        }
        return indexes;
    }

    /**
     * The columns of a declared index: a field's column, or a composite sub-field's. Empty when a field is
     * not in this model, as an inactive field is not in the served one (the model with inactive parts has it).
     */
    private static Optional<List<String>> declaredColumns(ObjectType object, List<String> paths) {
        List<String> columns = new ArrayList<>(paths.size());
        for (String path : paths) {
            String[] parts = path.split("\\.", 2);
            Optional<Field> field = object.field(parts[0]);
            if (field.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> property = parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
            Column column = property.isEmpty() ? field.get().columns().get(0)
                    : field.get().columns().stream().filter(c -> c.property().equals(property)).findFirst().orElseThrow(
                            () -> new IllegalArgumentException("'" + path + "' is not a column of '" + object.nameSingular() + "'"));
            columns.add(column.name());
        }
        return Optional.of(columns);
    }

    /** Composites are unique on their primary sub-field (primaryEmail, primaryLinkUrl, primaryPhoneNumber): their first column. */
    private static Column uniqueColumn(Field field) {
        if (field.kind().isComposite() && field.kind() != FieldKind.EMAILS && field.kind() != FieldKind.LINKS
                && field.kind() != FieldKind.PHONES) {
            throw new IllegalArgumentException(field.kind() + " field '" + field.name() + "' cannot be unique");
        }
        return field.columns().get(0);
    }

    private static TableIndex btree(String table, List<String> columns) {
        return new TableIndex(Names.index(table, columns), table, columns, false, Method.BTREE, false, false);
    }
}
