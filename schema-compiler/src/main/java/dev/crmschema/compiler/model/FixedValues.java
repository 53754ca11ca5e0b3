package dev.crmschema.compiler.model;

import java.util.List;

/** Enum values fixed by the reference contract rather than by metadata. */
public final class FixedValues {
    /** Where a record came from (ACTOR.source), newest reference-system list. */
    public static final List<String> ACTOR_SOURCES = List.of(
            "EMAIL", "CALENDAR", "WORKFLOW", "AGENT", "API", "IMPORT", "MANUAL", "SYSTEM", "WEBHOOK", "APPLICATION");

    /** The values of every RATING field. */
    public static final List<String> RATING_VALUES = List.of("RATING_1", "RATING_2", "RATING_3", "RATING_4", "RATING_5");

    private FixedValues() {}
}
