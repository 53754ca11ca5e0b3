package dev.crmschema.compiler.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The field types of the reference contract (section 4) that the compiler supports end to end.
 * Composite kinds list their sub-fields in storage order.
 */
public enum FieldKind {
    UUID,
    TEXT,
    NUMBER,
    NUMERIC,
    BOOLEAN,
    DATE_TIME,
    DATE,
    POSITION,
    RAW_JSON,
    ARRAY,
    RICH_TEXT_V2(List.of(new CompositeProperty("blocknote", FieldKind.TEXT), new CompositeProperty("markdown", FieldKind.TEXT))),
    SELECT,
    MULTI_SELECT,
    RATING,
    CURRENCY(List.of(new CompositeProperty("amountMicros", FieldKind.NUMERIC), new CompositeProperty("currencyCode", FieldKind.TEXT))),
    FULL_NAME(List.of(new CompositeProperty("firstName", FieldKind.TEXT), new CompositeProperty("lastName", FieldKind.TEXT))),
    EMAILS(List.of(new CompositeProperty("primaryEmail", FieldKind.TEXT), new CompositeProperty("additionalEmails", FieldKind.RAW_JSON))),
    PHONES(List.of(
            new CompositeProperty("primaryPhoneNumber", FieldKind.TEXT),
            new CompositeProperty("primaryPhoneCountryCode", FieldKind.TEXT),
            new CompositeProperty("primaryPhoneCallingCode", FieldKind.TEXT),
            new CompositeProperty("additionalPhones", FieldKind.RAW_JSON))),
    LINKS(List.of(
            new CompositeProperty("primaryLinkUrl", FieldKind.TEXT),
            new CompositeProperty("primaryLinkLabel", FieldKind.TEXT),
            new CompositeProperty("secondaryLinks", FieldKind.RAW_JSON))),
    ADDRESS(List.of(
            new CompositeProperty("addressStreet1", FieldKind.TEXT),
            new CompositeProperty("addressStreet2", FieldKind.TEXT),
            new CompositeProperty("addressCity", FieldKind.TEXT),
            new CompositeProperty("addressState", FieldKind.TEXT),
            new CompositeProperty("addressCountry", FieldKind.TEXT),
            new CompositeProperty("addressPostcode", FieldKind.TEXT),
            new CompositeProperty("addressLat", FieldKind.NUMBER),
            new CompositeProperty("addressLng", FieldKind.NUMBER))),
    ACTOR(List.of(
            new CompositeProperty("source", FieldKind.SELECT, FixedValues.ACTOR_SOURCES),
            new CompositeProperty("workspaceMemberId", FieldKind.UUID),
            new CompositeProperty("name", FieldKind.TEXT),
            new CompositeProperty("context", FieldKind.RAW_JSON))),
    RELATION,
    TS_VECTOR;

    /** Types of the reference system that this compiler knows of but does not support yet. */
    public static final Set<String> NOT_SUPPORTED_YET = Set.of("MORPH_RELATION", "RICH_TEXT", "FILES");

    /** Legacy types the reference system removed, with what replaced them. */
    public static final java.util.Map<String, String> REPLACED_LEGACY_TYPES = java.util.Map.of(
            "EMAIL", "EMAILS", "PHONE", "PHONES", "LINK", "LINKS", "PROBABILITY", "NUMBER", "FIELD_PATH", "TEXT");

    private final List<CompositeProperty> properties;

    FieldKind() {
        this(List.of());
    }

    FieldKind(List<CompositeProperty> properties) {
        this.properties = properties;
    }

    public boolean isComposite() {
        return !properties.isEmpty();
    }

    public List<CompositeProperty> properties() {
        return properties;
    }

    public Optional<CompositeProperty> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Kinds whose values are one of a fixed list of enum values. */
    public boolean isEnum() {
        return this == SELECT || this == MULTI_SELECT || this == RATING;
    }

    public static Optional<FieldKind> parse(String name) {
        for (FieldKind kind : values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
