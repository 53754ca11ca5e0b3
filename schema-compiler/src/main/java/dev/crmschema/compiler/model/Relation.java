package dev.crmschema.compiler.model;

import java.util.Optional;

/**
 * A relation from the field that owns it to {@code targetObject}; {@code inverseField} is the field on
 * the target that describes the same relation from the other side. Only the MANY_TO_ONE side stores
 * a join column and has an {@code onDelete} action.
 */
public record Relation(RelationType type, String targetObject, String inverseField, Optional<OnDelete> onDelete) {}
