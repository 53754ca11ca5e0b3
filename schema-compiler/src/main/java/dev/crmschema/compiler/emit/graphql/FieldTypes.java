package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.list;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;

import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import graphql.language.Type;
import java.util.Map;

/**
 * The GraphQL types of a field, per field kind (reference contract, section 4): what it reads as, how
 * it is filtered, and what it takes in create and update inputs. Relations are not handled here.
 */
final class FieldTypes {
    private FieldTypes() {}

    /** Output type of a non-relation field, without its non-null marker. */
    static Type<?> output(ObjectType object, Field field) {
        FieldKind kind = field.kind();
        if (kind.isComposite()) {
            return named(Names.compositeType(kind));
        }
        return switch (kind) {
            case SELECT, RATING -> named(Names.enumType(object, field));
            case MULTI_SELECT -> list(Names.enumType(object, field));
            case ARRAY -> list(Scalar.STRING);
            default -> named(atomicScalar(kind, field.settings()));
        };
    }

    /** Create or update input type of a non-relation field: like the output, composites take their input type. */
    static Type<?> input(ObjectType object, Field field, boolean create) {
        FieldKind kind = field.kind();
        if (kind.isComposite()) {
            return named(create ? Names.compositeCreateInputType(kind) : Names.compositeUpdateInputType(kind));
        }
        return output(object, field);
    }

    /** Filter input type of a non-relation field. */
    static String filter(ObjectType object, Field field) {
        FieldKind kind = field.kind();
        if (kind.isComposite()) {
            return Names.compositeFilterInputType(kind);
        }
        if (kind.isEnum()) {
            return Names.enumFilterType(Names.enumType(object, field));
        }
        return atomicFilter(kind, field.settings()).typeName();
    }

    /** Output type of a composite sub-field. */
    static Type<?> property(FieldKind composite, CompositeProperty property) {
        if (property.kind() == FieldKind.SELECT) {
            return named(Names.compositeEnumType(composite, property.name()));
        }
        return named(atomicScalar(property.kind(), Map.of()));
    }

    /** Filter input type of a composite sub-field. */
    static String propertyFilter(FieldKind composite, CompositeProperty property) {
        if (property.kind() == FieldKind.SELECT) {
            return Names.enumFilterType(Names.compositeEnumType(composite, property.name()));
        }
        return atomicFilter(property.kind(), Map.of()).typeName();
    }

    /**
     * Whether clients may set a composite sub-field. The server fills in who acted (ACTOR's
     * {@code workspaceMemberId} and {@code name}; reference contract, section 4).
     */
    static boolean isClientSettable(FieldKind composite, CompositeProperty property) {
        return composite != FieldKind.ACTOR || !(property.name().equals("workspaceMemberId") || property.name().equals("name"));
    }

    /** Scalar of an atomic kind; NUMBER follows its {@code dataType} setting. */
    static String atomicScalar(FieldKind kind, Map<String, Object> settings) {
        return switch (kind) {
            case UUID -> Scalar.UUID.typeName();
            case TEXT -> Scalar.STRING;
            case NUMBER -> switch (numberType(settings)) {
                case "int" -> Scalar.INT;
                case "bigint" -> Scalar.BIG_INT.typeName();
                default -> Scalar.FLOAT;
            };
            case NUMERIC -> Scalar.BIG_FLOAT.typeName();
            case BOOLEAN -> Scalar.BOOLEAN;
            case DATE_TIME -> Scalar.DATE_TIME.typeName();
            case DATE -> Scalar.DATE.typeName();
            case POSITION -> Scalar.POSITION.typeName();
            case RAW_JSON -> Scalar.JSON.typeName();
            case TS_VECTOR -> Scalar.TS_VECTOR.typeName();
            default -> throw new IllegalArgumentException("not an atomic scalar kind: " + kind);
        };
    }

    static ScalarFilter atomicFilter(FieldKind kind, Map<String, Object> settings) {
        return switch (kind) {
            case UUID -> ScalarFilter.UUID;
            case TEXT -> ScalarFilter.STRING;
            case NUMBER -> switch (numberType(settings)) {
                case "int" -> ScalarFilter.INT;
                case "bigint" -> ScalarFilter.BIG_INT;
                default -> ScalarFilter.FLOAT;
            };
            case NUMERIC -> ScalarFilter.BIG_FLOAT;
            case BOOLEAN -> ScalarFilter.BOOLEAN;
            case DATE_TIME -> ScalarFilter.DATE_TIME;
            case DATE -> ScalarFilter.DATE;
            case POSITION -> ScalarFilter.FLOAT;
            case RAW_JSON -> ScalarFilter.RAW_JSON;
            case ARRAY -> ScalarFilter.ARRAY;
            case TS_VECTOR -> ScalarFilter.TS_VECTOR;
            default -> throw new IllegalArgumentException("no atomic filter for kind: " + kind);
        };
    }

    private static String numberType(Map<String, Object> settings) {
        Object dataType = settings.get("dataType");
        return dataType == null ? "float" : dataType.toString();
    }

    /** The SDL description of a field: its description, or its label when it has none. */
    static String describe(Field field) {
        return field.description().orElse(field.label());
    }

    static String describe(ObjectType object) {
        return object.description().orElse(object.labelSingular());
    }
}
