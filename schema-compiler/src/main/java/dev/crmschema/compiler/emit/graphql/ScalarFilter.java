package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.input;
import static dev.crmschema.compiler.emit.graphql.Sdl.list;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;
import static dev.crmschema.compiler.emit.graphql.Sdl.nonNull;

import dev.crmschema.compiler.naming.Names;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import java.util.ArrayList;
import java.util.List;

/** The atomic filter inputs and their operators (reference contract, section 2.4). */
enum ScalarFilter {
    UUID("UUIDFilter", Scalar.UUID.typeName()),
    STRING("StringFilter", Scalar.STRING),
    FLOAT("FloatFilter", Scalar.FLOAT),
    INT("IntFilter", Scalar.INT),
    BIG_INT("BigIntFilter", Scalar.BIG_INT.typeName()),
    BIG_FLOAT("BigFloatFilter", Scalar.BIG_FLOAT.typeName()),
    BOOLEAN("BooleanFilter", Scalar.BOOLEAN),
    DATE_TIME("DateTimeFilter", Scalar.DATE_TIME.typeName()),
    DATE("DateFilter", Scalar.DATE.typeName()),
    RAW_JSON("RawJsonFilter", Scalar.JSON.typeName()),
    ARRAY("ArrayFilter", Scalar.STRING),
    TS_VECTOR("TSVectorFilter", Scalar.STRING);

    private final String typeName;
    private final String operand;

    ScalarFilter(String typeName, String operand) {
        this.typeName = typeName;
        this.operand = operand;
    }

    String typeName() {
        return typeName;
    }

    InputObjectTypeDefinition definition() {
        List<InputValueDefinition> operators = new ArrayList<>();
        switch (this) {
            case UUID -> {
                operators.add(input("eq", named(operand)));
                operators.add(input("neq", named(operand)));
                operators.add(input("in", list(operand)));
                operators.add(is());
            }
            case STRING -> {
                comparisons(operators);
                operators.add(input("in", list(nonNull(operand))));
                for (String pattern : List.of("startsWith", "endsWith", "like", "ilike", "regex", "iregex")) {
                    operators.add(input(pattern, named(operand)));
                }
                operators.add(is());
            }
            case FLOAT, INT, BIG_INT, BIG_FLOAT, DATE_TIME, DATE -> {
                comparisons(operators);
                operators.add(input("in", list(operand)));
                operators.add(is());
            }
            case BOOLEAN -> {
                operators.add(input("eq", named(operand)));
                operators.add(is());
            }
            case RAW_JSON -> {
                operators.add(is());
                operators.add(input("like", named(Scalar.STRING)));
                operators.add(input("containsJsonb", named(operand)));
            }
            case ARRAY -> {
                operators.add(input("containsIlike", list(operand)));
                operators.add(is());
                operators.add(input("isEmptyArray", named(Scalar.BOOLEAN)));
            }
            case TS_VECTOR -> operators.add(input("search", named(operand)));
        }
        return Sdl.inputType(typeName, "Conditions on one " + describedOperand() + " value; all given conditions must hold.",
                operators);
    }

    private String describedOperand() {
        return switch (this) {
            case RAW_JSON -> "JSON";
            case ARRAY -> "text array";
            case TS_VECTOR -> "full-text search";
            default -> operand;
        };
    }

    private void comparisons(List<InputValueDefinition> operators) {
        for (String operator : List.of("eq", "neq", "gt", "gte", "lt", "lte")) {
            operators.add(input(operator, named(operand)));
        }
    }

    static InputValueDefinition is() {
        return input("is", named(FixedTypes.FILTER_IS));
    }

    /**
     * {@code ${Enum}Filter}. Enums of single values (SELECT, RATING, ACTOR source) also compare by option
     * position; MULTI_SELECT arrays do not.
     */
    static InputObjectTypeDefinition enumFilter(String enumType, boolean isArray) {
        List<InputValueDefinition> operators = new ArrayList<>();
        operators.add(input("eq", named(enumType)));
        operators.add(input("neq", named(enumType)));
        operators.add(input("in", list(enumType)));
        operators.add(input("containsAny", list(enumType)));
        operators.add(is());
        operators.add(input("isEmptyArray", named(Scalar.BOOLEAN)));
        if (!isArray) {
            for (String operator : List.of("gt", "gte", "lt", "lte")) {
                operators.add(input(operator, named(enumType)));
            }
        }
        return Sdl.inputType(Names.enumFilterType(enumType),
                "Conditions on " + enumType + (isArray ? " arrays" : " values") + "; all given conditions must hold.",
                operators);
    }
}
