package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import java.util.Objects;

/**
 * One aggregate over the records a read matches (reference contract, section 2.6): an operation on a
 * non-relation field. Counting operations work on every such field; {@code MIN}/{@code MAX} on numbers
 * and dates, {@code AVG}/{@code SUM} on numbers, and all four on a CURRENCY field's amount (its
 * {@code amountMicros} part); {@code COUNT_TRUE}/{@code COUNT_FALSE} on booleans.
 *
 * <p>A value is empty when it is null, and also when it is an empty string, an empty array, or the JSON
 * {@code null}, {@code []} or {@code {}}; a composite value is empty when every one of its parts is.
 */
public record Aggregate(Operation operation, Field field) {
    public enum Operation {
        COUNT_UNIQUE_VALUES,
        COUNT_EMPTY,
        COUNT_NOT_EMPTY,
        PERCENTAGE_EMPTY,
        PERCENTAGE_NOT_EMPTY,
        COUNT_TRUE,
        COUNT_FALSE,
        MIN,
        MAX,
        AVG,
        SUM
    }

    public Aggregate {
        Objects.requireNonNull(operation, "operation");
        if (field.relation().isPresent()) {
            throw new IllegalArgumentException("relation field '" + field.name() + "' has no aggregates");
        }
        if (!applies(operation, field.kind())) {
            throw new IllegalArgumentException(operation + " does not apply to field '" + field.name() + "' of kind " + field.kind());
        }
    }

    /** Whether {@code operation} is defined on fields of {@code kind}. */
    public static boolean applies(Operation operation, FieldKind kind) {
        return switch (operation) {
            case COUNT_UNIQUE_VALUES, COUNT_EMPTY, COUNT_NOT_EMPTY, PERCENTAGE_EMPTY, PERCENTAGE_NOT_EMPTY -> kind != FieldKind.RELATION;
            case COUNT_TRUE, COUNT_FALSE -> kind == FieldKind.BOOLEAN;
            case MIN, MAX -> kind == FieldKind.NUMBER || kind == FieldKind.NUMERIC || kind == FieldKind.CURRENCY
                    || kind == FieldKind.DATE_TIME || kind == FieldKind.DATE;
            case AVG, SUM -> kind == FieldKind.NUMBER || kind == FieldKind.NUMERIC || kind == FieldKind.CURRENCY;
        };
    }
}
