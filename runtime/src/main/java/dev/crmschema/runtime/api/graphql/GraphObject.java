package dev.crmschema.runtime.api.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Base of the generated classes of record types ({@code Company}) and composite types ({@code Links}).
 * It holds the values a {@link GraphqlDataSource} returned, keyed by GraphQL field name:
 * <ul>
 *   <li>scalars as JSON-like Java values (String, Number, Boolean, Map and List for JSON);</li>
 *   <li>enum values (SELECT, RATING) as their names, enum arrays (MULTI_SELECT) as lists of names;</li>
 *   <li>ARRAY fields as lists;</li>
 *   <li>composite fields as nested maps keyed by sub-field name;</li>
 *   <li>MANY_TO_ONE relations as their join column ({@code companyId}) and, when the data source read
 *       the related record along with this one, as that record's values under the relation field's name
 *       ({@code company}; {@code null} for none);</li>
 *   <li>ONE_TO_MANY relations, when the data source read their connection along with this record for a
 *       field given no arguments, as that {@link Page} under the field's name ({@code people}).</li>
 * </ul>
 * A relation without such an entry, or a connection given arguments, is loaded through
 * {@link GraphqlResolverSupport}.
 *
 * <p>Generated subclasses declare one public, argument-less accessor per schema field, named exactly like
 * the field, that calls one of the protected methods below. This class itself has no public methods, so
 * graphql-java-tools, which resolves a field through any public method of that name, only ever finds
 * the generated accessors.
 */
public abstract class GraphObject {
    private final Map<String, Object> values;

    protected GraphObject(Map<String, Object> values) {
        this.values = Objects.requireNonNull(values, "values");
    }

    /** A scalar value as the data source gave it, or {@code null}. */
    protected final Object value(String field) {
        return values.get(field);
    }

    /** A list value (ARRAY fields), or {@code null}. */
    protected final List<Object> list(String field) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list);
        }
        throw new IllegalStateException("field '" + field + "' holds " + value.getClass().getName() + ", not a list");
    }

    /** An enum value given by name (or as the constant itself), or {@code null}. */
    protected final <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return toEnum(field, values.get(field), type);
    }

    /** A list of enum values (MULTI_SELECT), or {@code null}. */
    protected final <E extends Enum<E>> List<E> enumList(String field, Class<E> type) {
        List<Object> names = list(field);
        if (names == null) {
            return null;
        }
        List<E> constants = new ArrayList<>(names.size());
        for (Object name : names) {
            constants.add(toEnum(field, name, type));
        }
        return constants;
    }

    /** A composite value, wrapped in its generated class, or {@code null}. */
    protected final <T extends GraphObject> T object(String field, Function<Map<String, Object>, T> type) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        return type.apply(asMap(field, value));
    }

    /** Whether the values hold an entry for {@code field}, null or not: a relation read along with the record. */
    final boolean holds(String field) {
        return values.containsKey(field);
    }

    /** The page held for a ONE_TO_MANY relation {@code field}, which {@link #holds} it. */
    final Page relatedPage(String field) {
        if (values.get(field) instanceof Page page) {
            return page;
        }
        throw new IllegalStateException("field '" + field + "' does not hold a page");
    }

    /** The values of the related record held for a relation {@code field}, or {@code null} for none. */
    final Map<String, Object> related(String field) {
        Object value = values.get(field);
        return value == null ? null : asMap(field, value);
    }

    /** What {@link #value} and {@link #list} return, for {@link DirectFields}. */
    final Object plainValue(String field) {
        return values.get(field);
    }

    /** The values of a record, for {@link GraphqlResolverSupport} to hand to the data source. */
    static Map<String, Object> valuesOf(GraphObject object) {
        return Collections.unmodifiableMap(object.values);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String field, Object value) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new IllegalStateException("field '" + field + "' holds " + value.getClass().getName() + ", not a map");
    }

    private static <E extends Enum<E>> E toEnum(String field, Object value, Class<E> type) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("field '" + field + "' holds '" + value + "', which is not a value of "
                    + type.getSimpleName(), e);
        }
    }
}
