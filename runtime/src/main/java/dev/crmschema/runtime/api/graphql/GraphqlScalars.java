package dev.crmschema.runtime.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The custom scalars of the core API (reference contract, section 2.3), under the names the generated
 * SDL declares. Values inside the runtime stay JSON-like: UUIDs, dates and cursors are strings (checked
 * on input), decimals are {@link BigDecimal}, 64-bit integers {@link Long}, JSON any plain value.
 */
public final class GraphqlScalars {
    private GraphqlScalars() {}

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter DATE_TIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public static List<GraphQLScalarType> all() {
        return List.of(
                scalar("UUID", "A UUID in its canonical text form.", new Text("UUID", GraphqlScalars::uuid)),
                scalar("DateTime", "A point in time, as an ISO-8601 string with offset.", new Text("DateTime", GraphqlScalars::dateTime)),
                scalar("Date", "A calendar date, as an ISO-8601 string.", new Text("Date", GraphqlScalars::date)),
                scalar("BigFloat", "An arbitrary-precision decimal number.", new Decimal()),
                scalar("BigInt", "A 64-bit integer.", new LongInteger()),
                scalar("Position", "A number; inputs also accept \"first\" and \"last\".", new Position()),
                scalar("JSON", "Any JSON value.", new Json()),
                scalar("Cursor", "An opaque cursor of one edge.", new Text("Cursor", Function.identity())),
                scalar("ConnectionCursor", "An opaque cursor of a page boundary.", new Text("ConnectionCursor", Function.identity())),
                scalar("TSVector", "A full-text search document.", new Text("TSVector", Function.identity())));
    }

    private static GraphQLScalarType scalar(String name, String description, Coercing<?, ?> coercing) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(coercing).build();
    }

    private static String uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("Invalid UUID");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static String dateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return text;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid DateTime, expected ISO-8601 with offset: " + text, e);
        }
    }

    private static String date(String text) {
        try {
            LocalDate.parse(text);
            return text;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid Date, expected yyyy-mm-dd: " + text, e);
        }
    }

    /** A string-valued scalar whose input is checked (and normalised) by {@code check}. */
    private static final class Text implements Coercing<String, String> {
        private final String name;
        private final Function<String, String> check;

        Text(String name, Function<String, String> check) {
            this.name = name;
            this.check = check;
        }

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof String || value instanceof UUID || value instanceof LocalDate) {
                return value.toString();
            }
            if (value instanceof Instant || value instanceof OffsetDateTime) {
                return DATE_TIME_OUT.format((TemporalAccessor) value);
            }
            throw new CoercingSerializeException(name + " cannot represent " + value.getClass().getName());
        }

        @Override
        public String parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!(input instanceof String text)) {
                throw new CoercingParseValueException(name + " must be a string");
            }
            try {
                return check.apply(text);
            } catch (IllegalArgumentException e) {
                throw new CoercingParseValueException(e.getMessage(), e);
            }
        }

        @Override
        public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue text)) {
                throw new CoercingParseLiteralException(name + " must be a string");
            }
            try {
                return check.apply(text.getValue());
            } catch (IllegalArgumentException e) {
                throw new CoercingParseLiteralException(e.getMessage(), e);
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return new StringValue(input.toString());
        }
    }

    private static final class Decimal implements Coercing<BigDecimal, BigDecimal> {
        @Override
        public BigDecimal serialize(Object value, GraphQLContext context, Locale locale) {
            return toDecimal(value).orElseThrow(() -> new CoercingSerializeException("BigFloat cannot represent " + value));
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            return toDecimal(input).orElseThrow(() -> new CoercingParseValueException("BigFloat cannot represent " + input));
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literalNumber(input).orElseThrow(() -> new CoercingParseLiteralException("BigFloat must be a number"));
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return new FloatValue(parseValue(input, context, locale));
        }
    }

    private static final class LongInteger implements Coercing<Long, Long> {
        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            return toLong(value).orElseThrow(() -> new CoercingSerializeException("BigInt cannot represent " + value));
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            return toLong(input).orElseThrow(() -> new CoercingParseValueException("BigInt cannot represent " + input));
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Optional<Long> value = input instanceof IntValue i ? toLong(i.getValue())
                    : input instanceof StringValue s ? toLong(s.getValue()) : Optional.empty();
            return value.orElseThrow(() -> new CoercingParseLiteralException("BigInt must be a 64-bit integer"));
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return new IntValue(BigInteger.valueOf(parseValue(input, context, locale)));
        }
    }

    /** A number, or on input the words {@code first} and {@code last}, which stay strings. */
    private static final class Position implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return toDecimal(value).orElseThrow(() -> new CoercingSerializeException("Position cannot represent " + value));
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String word && isWord(word)) {
                return word;
            }
            return toDecimal(input).orElseThrow(
                    () -> new CoercingParseValueException("Position must be a number, \"first\" or \"last\""));
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue word && isWord(word.getValue())) {
                return word.getValue();
            }
            return literalNumber(input).orElseThrow(
                    () -> new CoercingParseLiteralException("Position must be a number, \"first\" or \"last\""));
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            Object value = parseValue(input, context, locale);
            return value instanceof BigDecimal number ? new FloatValue(number) : new StringValue(value.toString());
        }

        private static boolean isWord(String text) {
            return text.equals("first") || text.equals("last");
        }
    }

    /** Any JSON value; literals become maps, lists, strings, numbers and booleans. */
    private static final class Json implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            if (input == null) {
                return NullValue.of();
            }
            if (input instanceof String text) {
                return new StringValue(text);
            }
            if (input instanceof Boolean flag) {
                return new BooleanValue(flag);
            }
            if (input instanceof Number number) {
                BigDecimal decimal = new BigDecimal(number.toString());
                return decimal.scale() <= 0 ? new IntValue(decimal.toBigIntegerExact()) : new FloatValue(decimal);
            }
            if (input instanceof Map<?, ?> map) {
                List<ObjectField> fields = new ArrayList<>();
                map.forEach((key, value) -> fields.add(new ObjectField(key.toString(), valueToLiteral(value, context, locale))));
                return ObjectValue.newObjectValue().objectFields(fields).build();
            }
            if (input instanceof List<?> list) {
                ArrayValue.Builder array = ArrayValue.newArrayValue();
                list.forEach(value -> array.value(valueToLiteral(value, context, locale)));
                return array.build();
            }
            throw new CoercingSerializeException("JSON cannot represent " + input.getClass().getName());
        }

        private static Object literal(Value<?> input, CoercedVariables variables) {
            if (input instanceof NullValue) {
                return null;
            }
            if (input instanceof StringValue text) {
                return text.getValue();
            }
            if (input instanceof BooleanValue flag) {
                return flag.isValue();
            }
            if (input instanceof IntValue number) {
                return number.getValue();
            }
            if (input instanceof FloatValue number) {
                return number.getValue();
            }
            if (input instanceof EnumValue word) {
                return word.getName();
            }
            if (input instanceof VariableReference variable) {
                return variables.get(variable.getName());
            }
            if (input instanceof ArrayValue array) {
                List<Object> values = new ArrayList<>();
                array.getValues().forEach(value -> values.add(literal(value, variables)));
                return values;
            }
            if (input instanceof ObjectValue object) {
                Map<String, Object> values = new LinkedHashMap<>();
                object.getObjectFields().forEach(field -> values.put(field.getName(), literal(field.getValue(), variables)));
                return values;
            }
            throw new CoercingParseLiteralException("JSON cannot represent " + input.getClass().getSimpleName());
        }
    }

    private static Optional<BigDecimal> toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return Optional.of(new BigDecimal(value.toString()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> toLong(Object value) {
        try {
            return toDecimal(value).map(BigDecimal::longValueExact);
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> literalNumber(Value<?> input) {
        if (input instanceof IntValue number) {
            return Optional.of(new BigDecimal(number.getValue()));
        }
        if (input instanceof FloatValue number) {
            return Optional.of(number.getValue());
        }
        return Optional.empty();
    }
}
