package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scalar REST query parameters of reference contract section 1.3, each read from its raw query
 * string value ({@code null} when the parameter is absent) with the contract's exact refusals.
 */
public final class QueryParameters {
    /** Page size when {@code limit} is absent. */
    public static final int DEFAULT_LIMIT = 60;
    /** Largest page; a larger {@code limit} is clamped to it, not refused. */
    public static final int MAX_LIMIT = 200;

    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]+");

    private QueryParameters() {}

    /** {@code limit}: a non-negative integer, {@value #DEFAULT_LIMIT} when absent, at most {@value #MAX_LIMIT}. */
    public static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        String text = raw.trim();
        if (!DIGITS.matcher(text).matches()) {
            throw ApiException.badRequest("limit '" + raw + "' is invalid. Should be an integer");
        }
        return new BigInteger(text).min(BigInteger.valueOf(MAX_LIMIT)).intValueExact();
    }

    /** {@code depth}: 0 when absent; only 0 (fields and join columns) or 1 (plus related records). */
    public static int depth(String raw) {
        if (raw == null) {
            return 0;
        }
        return switch (raw.trim()) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw ApiException.badRequest("'depth=" + raw + "' parameter invalid. Allowed values are 0, 1");
        };
    }

    /**
     * {@code fields}: a comma-separated list of the object's field names (relation names included), kept
     * in the order given; empty when absent, which means every field.
     */
    public static Optional<Set<String>> fields(ObjectType object, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String item : raw.split(",", -1)) {
            String name = item.trim();
            Optional<Field> field = object.field(name);
            if (field.isPresent()) {
                names.add(name);
            } else {
                unknown.add(name.isEmpty() ? "''" : name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("'fields' parameter invalid. Unknown or unreadable fields on '"
                    + object.nameSingular() + "': " + String.join(", ", unknown));
        }
        return Optional.of(Collections.unmodifiableSet(names));
    }

    /** {@code upsert} on create: {@code true} or {@code false}, false when absent. */
    public static boolean upsert(String raw) {
        return flag("upsert", raw);
    }

    /** {@code soft_delete} on delete: {@code true} or {@code false}; false (a hard delete) when absent. */
    public static boolean softDelete(String raw) {
        return flag("soft_delete", raw);
    }

    /** A boolean parameter: exactly {@code true} or {@code false}, false when absent. */
    public static boolean flag(String name, String raw) {
        if (raw == null) {
            return false;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(
                    "'" + name + "=" + raw + "' parameter invalid. Allowed values are true, false");
        };
    }
}
