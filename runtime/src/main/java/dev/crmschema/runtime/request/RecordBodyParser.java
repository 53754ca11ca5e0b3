package dev.crmschema.runtime.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a JSON request body into the column values to write (reference contract, section 1.6). Keys
 * are field names, composite fields are nested objects, and a MANY_TO_ONE relation is set through its
 * join column ({@code companyId}) or a nested {@code connect}/{@code disconnect}.
 *
 * <p>Decisions: values are stored as sent ({@code ""} stays {@code ""}, {@code []} stays {@code []}), so
 * that a read returns what was written; search vectors are refused rather than silently ignored; a JSON
 * {@code null} clears a nullable column, means "use the default" for a non-nullable column with a default
 * on create, and is refused otherwise. Missing required fields are left to the database's NOT NULL
 * constraints, because an upsert may complete an existing record.
 */
public final class RecordBodyParser {
    /** Most records in one batch create, by default (the product's limit, not the reference system's 200). */
    public static final int DEFAULT_BATCH_LIMIT = 60;

    private static final String ID = "id";

    private final int batchLimit;

    public RecordBodyParser() {
        this(DEFAULT_BATCH_LIMIT);
    }

    public RecordBodyParser(int batchLimit) {
        this.batchLimit = batchLimit;
    }

    private enum Mode {
        CREATE,
        UPDATE
    }

    /** A record to create: every writable field, {@code id} included. */
    public RecordWrite parseCreate(ObjectType object, JsonNode body) {
        return parse(object, body, Mode.CREATE);
    }

    /** A partial record: only the fields present change. {@code id} cannot be changed. */
    public RecordWrite parseUpdate(ObjectType object, JsonNode body) {
        return parse(object, body, Mode.UPDATE);
    }

    /** The records of {@code POST /rest/batch/{plural}}; a refusal names the record's index. */
    public List<RecordWrite> parseCreateBatch(ObjectType object, JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("A batch create body must be a JSON array of records");
        }
        if (body.size() > batchLimit) {
            throw ApiException.badRequest("A batch create takes at most " + batchLimit + " records per request, got "
                    + body.size());
        }
        List<RecordWrite> records = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                records.add(parse(object, body.get(i), Mode.CREATE));
            } catch (ApiException e) {
                throw new ApiException(e.status(), e.error(), "Record at index " + i + ": " + e.getMessage(),
                        e.code().orElse(null));
            }
        }
        return List.copyOf(records);
    }

    private RecordWrite parse(ObjectType object, JsonNode body, Mode mode) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("A record must be a JSON object");
        }
        Map<Column, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            Map<Column, Object> fieldValues = new LinkedHashMap<>();
            String key = entry.getKey();
            Optional<Field> field = object.field(key);
            if (field.isPresent()) {
                field(object, field.get(), entry.getValue(), mode, fieldValues);
            } else {
                Field relation = relationByJoinColumn(object, key).orElseThrow(() -> unknown(object, key));
                atomic(relation, FieldPath.of(relation), entry.getValue(), mode, fieldValues);
            }
            for (Map.Entry<Column, Object> value : fieldValues.entrySet()) {
                if (values.containsKey(value.getKey())) {
                    throw ApiException.badRequest("Column \"" + value.getKey().name()
                            + "\" is set twice: send either the relation or its join column, not both");
                }
                values.put(value.getKey(), value.getValue());
            }
        }
        return new RecordWrite(inModelOrder(object, values));
    }

    private static void field(ObjectType object, Field field, JsonNode node, Mode mode, Map<Column, Object> values) {
        if (field.name().equals(ID) && mode == Mode.UPDATE) {
            throw ApiException.badRequest("Field \"id\" cannot be updated");
        }
        if (field.isOneToMany()) {
            String inverse = field.relation().orElseThrow().inverseField();
            throw ApiException.badRequest("Field \"" + field.name() + "\" is a ONE_TO_MANY relation and cannot be written on '"
                    + object.nameSingular() + "': set \"" + Names.joinColumn(inverse) + "\" on the '"
                    + field.relation().orElseThrow().targetObject() + "' records instead");
        }
        if (field.isServerManaged()) {
            throw ApiException.badRequest("Field \"" + field.name() + "\" is computed by the server and cannot be written");
        }
        if (field.isManyToOne()) {
            FieldPath join = FieldPath.of(field);
            Optional<UUID> target = node.isNull() ? Optional.empty() : RelationInputReader.read(field, node);
            if (target.isPresent()) {
                values.put(join.column(), target.get());
            } else {
                clear(field, join.column(), join.display(), mode, values);
            }
        } else if (field.kind().isComposite()) {
            if (node.isNull()) {
                for (CompositeProperty property : CompositeBodyReader.writable(field)) {
                    clear(field, FieldPath.of(field, property).column(), field.name(), mode, values);
                }
            } else {
                CompositeBodyReader.read(field, node, values);
            }
        } else {
            atomic(field, FieldPath.of(field), node, mode, values);
        }
    }

    private static void atomic(Field field, FieldPath path, JsonNode node, Mode mode, Map<Column, Object> values) {
        if (node.isNull()) {
            clear(field, path.column(), path.display(), mode, values);
        } else {
            values.put(path.column(), JsonValueReader.read(path, node));
        }
    }

    /**
     * A JSON null: clears a nullable field; on create, a non-nullable field with a default keeps its default
     * (the column is left out); anything else is refused.
     */
    private static void clear(Field field, Column column, String name, Mode mode, Map<Column, Object> values) {
        boolean nullable = field.kind().isComposite() ? field.isNullable() : column.nullable();
        if (nullable) {
            values.put(column, null);
        } else if (mode == Mode.CREATE && field.defaultValue().isPresent()) {
            return;
        } else {
            throw ApiException.badRequest("Field \"" + name + "\" cannot be null");
        }
    }

    private static Optional<Field> relationByJoinColumn(ObjectType object, String name) {
        return object.fields().stream()
                .filter(f -> f.joinColumn().map(c -> c.name().equals(name)).orElse(false))
                .findFirst();
    }

    private static ApiException unknown(ObjectType object, String key) {
        List<String> names = new ArrayList<>();
        for (Field field : object.fields()) {
            if (!field.isOneToMany() && !field.isServerManaged()) {
                names.add(field.name());
            }
            field.joinColumn().ifPresent(c -> names.add(c.name()));
        }
        return ApiException.badRequest("field '" + key + "' does not exist in '" + object.nameSingular() + "' object"
                + DidYouMean.hint(key, names).map(h -> ", " + h).orElse(""));
    }

    /** Columns in the model's order, so the executor's statements do not depend on the body's key order. */
    private static Map<Column, Object> inModelOrder(ObjectType object, Map<Column, Object> values) {
        Map<Column, Object> ordered = new LinkedHashMap<>();
        // Field by field rather than through object.columns(), which builds a list: this runs per record.
        for (Field field : object.fields()) {
            for (Column column : field.columns()) {
                if (values.containsKey(column)) {
                    ordered.put(column, values.get(column));
                }
            }
        }
        return Collections.unmodifiableMap(ordered);
    }
}
