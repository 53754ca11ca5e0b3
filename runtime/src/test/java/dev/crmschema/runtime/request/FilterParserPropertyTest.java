package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A property check: random trees of and/or/not over valid conditions are rendered as REST filter text,
 * parsed back, and must come out as the same tree. The seed is fixed, so a failure always reproduces.
 */
class FilterParserPropertyTest {
    private static final int TREES = 600;
    private static final String VALUE_CHARACTERS = "abcXYZ 09,()[]:'.%_-";

    private final ObjectType pet = Showcase.object("pet");
    private final FilterParser parser = new FilterParser();

    /** A generated condition: how it is written and what it must parse to. */
    private record Sample(String text, Filter expected) {}

    @Test
    void randomTreesOfValidConditionsParseToTheSameStructure() {
        Random random = new Random(20261130L);
        for (int i = 0; i < TREES; i++) {
            Sample tree = tree(random, 1, 1 + random.nextInt(FilterParser.DEFAULT_MAX_DEPTH));
            Filter expected = tree.expected() instanceof Filter.Condition
                    ? new Filter.And(List.of(tree.expected()))
                    : tree.expected();
            Filter parsed = parser.parse(pet, tree.text());
            // The short form first, so that a failure reads well; then full equality, values' types included.
            assertEquals(shortForm(expected), shortForm(parsed), "tree " + i + ": " + tree.text());
            assertEquals(expected, parsed, "tree " + i + ": " + tree.text());
        }
    }

    private Sample tree(Random random, int depth, int maxDepth) {
        if (depth >= maxDepth || random.nextInt(3) == 0) {
            return condition(random);
        }
        int kind = random.nextInt(3);
        if (kind == 2) {
            Sample item = tree(random, depth + 1, maxDepth);
            return new Sample("not(" + item.text() + ")", new Filter.Not(item.expected()));
        }
        List<Sample> items = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            items.add(tree(random, depth + 1, maxDepth));
        }
        String separator = random.nextBoolean() ? "," : ", ";
        String text = items.stream().map(Sample::text).collect(Collectors.joining(separator));
        List<Filter> expected = items.stream().map(Sample::expected).toList();
        return kind == 0
                ? new Sample("and(" + text + ")", new Filter.And(expected))
                : new Sample("or(" + text + ")", new Filter.Or(expected));
    }

    private Sample condition(Random random) {
        switch (random.nextInt(9)) {
            case 0 -> {
                String value = text(random);
                return sample("name[eq]:\"" + value + "\"", path("name"), Comparator.EQ, value);
            }
            case 1 -> {
                double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
                return sample("weightKg[gt]:" + value, path("weightKg"), Comparator.GT, value);
            }
            case 2 -> {
                List<Long> values = new ArrayList<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    values.add((long) random.nextInt());
                }
                String list = values.stream().map(String::valueOf).collect(Collectors.joining(","));
                return sample("vaccinationCount[in]:[" + list + "]", path("vaccinationCount"), Comparator.IN, values);
            }
            case 3 -> {
                String species = List.of("DOG", "CAT", "BIRD", "RABBIT").get(random.nextInt(4));
                return sample("species[neq]:'" + species + "'", path("species"), Comparator.NEQ, species);
            }
            case 4 -> {
                OffsetDateTime at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L)
                        .atOffset(ZoneOffset.ofHours(random.nextInt(25) - 12));
                return sample("arrivedAt[lte]:\"" + at + "\"", path("arrivedAt"), Comparator.LTE, at);
            }
            case 5 -> {
                List<String> colors = List.of("BLACK", "WHITE", "BROWN", "GINGER").subList(0, 1 + random.nextInt(4));
                return sample("colors[containsAny]:[" + String.join(",", colors) + "]", path("colors"),
                        Comparator.CONTAINS_ANY, colors);
            }
            case 6 -> {
                BigDecimal micros = BigDecimal.valueOf(random.nextLong(), random.nextInt(4));
                Field cost = pet.field("monthlyCost").orElseThrow();
                FieldPath path = FieldPath.of(cost, cost.kind().property("amountMicros").orElseThrow());
                return sample("monthlyCost.amountMicros[gte]:" + micros, path, Comparator.GTE, micros);
            }
            case 7 -> {
                Filter.IsValue is = random.nextBoolean() ? Filter.IsValue.NULL : Filter.IsValue.NOT_NULL;
                return sample("externalId[is]:" + is, path("externalId"), Comparator.IS, is);
            }
            default -> {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                return sample("shelterId[eq]:\"" + id + "\"", path("shelter"), Comparator.EQ, id);
            }
        }
    }

    private static String shortForm(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.items().stream().map(FilterParserPropertyTest::shortForm).collect(Collectors.joining(" ", "and(", ")"));
        } else if (filter instanceof Filter.Or or) {
            return or.items().stream().map(FilterParserPropertyTest::shortForm).collect(Collectors.joining(" ", "or(", ")"));
        } else if (filter instanceof Filter.Not not) {
            return "not(" + shortForm(not.item()) + ")";
        }
        Filter.Condition condition = (Filter.Condition) filter;
        return condition.path().display() + " " + condition.comparator() + " <" + condition.value() + ">";
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            text.append(VALUE_CHARACTERS.charAt(random.nextInt(VALUE_CHARACTERS.length())));
        }
        return text.toString();
    }

    private FieldPath path(String field) {
        return FieldPath.of(pet.field(field).orElseThrow());
    }

    private static Sample sample(String text, FieldPath path, Comparator comparator, Object value) {
        return new Sample(text, new Filter.Condition(path, comparator, value));
    }
}
