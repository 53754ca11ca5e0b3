package dev.crmschema.compiler.model;

public enum RelationType {
    MANY_TO_ONE,
    ONE_TO_MANY;

    public static java.util.Optional<RelationType> valueOfOptional(String name) {
        for (RelationType type : values()) {
            if (type.name().equals(name)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    public RelationType inverse() {
        return this == MANY_TO_ONE ? ONE_TO_MANY : MANY_TO_ONE;
    }
}
