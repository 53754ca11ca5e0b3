package dev.crmschema.runtime.request;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a date or timestamp dimension of a group-by is bucketed (reference contract, section 1.8). The
 * period granularities group by the period's first day and name it by that day ({@code 2024-05-01});
 * the cyclic ones group by the position in the cycle and name it in English ({@code Wednesday},
 * {@code May}, {@code Q2}), ordered by the cycle, not alphabetically.
 */
public enum DateGranularity {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    DAY_OF_THE_WEEK,
    MONTH_OF_THE_YEAR,
    QUARTER_OF_THE_YEAR;

    /** Whether the bucket is a period start (a date) rather than a position in a cycle (a number). */
    public boolean isPeriod() {
        return ordinal() <= YEAR.ordinal();
    }

    public static Optional<DateGranularity> parse(String name) {
        return Arrays.stream(values()).filter(g -> g.name().equals(name)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
