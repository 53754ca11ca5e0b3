package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.field;
import static dev.crmschema.compiler.emit.graphql.Sdl.input;
import static dev.crmschema.compiler.emit.graphql.Sdl.list;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;
import static dev.crmschema.compiler.emit.graphql.Sdl.nonNull;

import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The types of the groupBy queries (reference contract, sections 1.8, 2.2 and 2.3): per object the
 * dimension input ({@code CompanyGroupByInput}), the group order ({@code CompanyOrderByWithGroupByInput}
 * with its {@code aggregate} part) and the group ({@code CompanyGroupByConnection}: a connection plus
 * {@code groupByDimensionValues}); once per schema the date granularity enum and input, and per
 * composite kind the sub-field choice ({@code LinksGroupByInput}).
 *
 * <p>Groupable are the values the runtime can group by: scalars, selects, ratings, dates, MANY_TO_ONE
 * join columns and the non-JSON sub-fields of composites; arrays, multi-selects, JSON and search vectors
 * are not.
 */
final class GroupByTypes {
    private GroupByTypes() {}

    static List<TypeDefinition<?>> of(ObjectType object) {
        List<InputValueDefinition> dimensions = new ArrayList<>();
        List<InputValueDefinition> orders = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.isManyToOne()) {
                dimensions.add(input(Names.joinColumn(field.name()), named(Scalar.BOOLEAN)));
                orders.add(input(Names.joinColumn(field.name()), named(FixedTypes.ORDER_BY_DIRECTION)));
            } else if (field.kind().isComposite()) {
                dimensions.add(input(field.name(), named(Names.compositeGroupByInputType(field.kind())), FieldTypes.describe(field)));
                orders.add(input(field.name(), named(Names.compositeOrderByInputType(field.kind()))));
            } else if (isGroupable(field.kind()) && field.relation().isEmpty()) {
                boolean date = field.kind() == FieldKind.DATE || field.kind() == FieldKind.DATE_TIME;
                dimensions.add(input(field.name(), named(date ? Names.DATE_GROUP_BY_INPUT : Scalar.BOOLEAN), FieldTypes.describe(field)));
                orders.add(input(field.name(), named(FixedTypes.ORDER_BY_DIRECTION)));
            }
        }
        List<InputValueDefinition> aggregates = new ArrayList<>();
        for (FieldDefinition aggregate : Aggregates.of(object)) {
            aggregates.add(input(aggregate.getName(), named(FixedTypes.ORDER_BY_DIRECTION)));
        }
        orders.add(input("aggregate", named(Names.aggregateOrderByInputType(object)), "Orders the groups by one of their aggregates."));

        List<FieldDefinition> connection = new ArrayList<>();
        connection.add(field("edges", nonNull(list(nonNull(Names.edgeType(object)))),
                "The group's first records, in orderByForRecords order."));
        connection.add(field("pageInfo", nonNull(FixedTypes.PAGE_INFO)));
        connection.add(field("groupByDimensionValues", nonNull(list(Scalar.STRING)),
                "The group's value of each groupBy entry, in order, as text; null for the group of empty values."));
        connection.addAll(Aggregates.of(object));

        List<TypeDefinition<?>> definitions = new ArrayList<>();
        definitions.add(Sdl.inputType(Names.groupByInputType(object), "One value to group " + object.labelPlural()
                + " by: set exactly one field (true, a date granularity, or a composite's sub-field).", dimensions));
        definitions.add(Sdl.inputType(Names.aggregateOrderByInputType(object), "Orders groups of " + object.labelPlural()
                + " by an aggregate.", aggregates));
        definitions.add(Sdl.inputType(Names.orderByWithGroupByInputType(object), "Orders groups of " + object.labelPlural()
                + " by one of the values they are grouped by, or by an aggregate.", orders));
        definitions.add(ObjectTypeDefinition.newObjectTypeDefinition().name(Names.groupByConnectionType(object))
                .description(Sdl.description("One group of " + object.labelPlural() + ": its values, its aggregates and its first records."))
                .fieldDefinitions(connection).build());
        return definitions;
    }

    /** The granularity enum and input, and every composite kind's sub-field choice. */
    static List<TypeDefinition<?>> shared() {
        List<TypeDefinition<?>> definitions = new ArrayList<>();
        definitions.add(Sdl.enumType(Names.DATE_GRANULARITY_ENUM, "How dates are bucketed: by period (the bucket is named by its "
                + "first day) or by position in a cycle (Monday, January, Q1).", List.of(
                        Sdl.enumValue("DAY"), Sdl.enumValue("WEEK"), Sdl.enumValue("MONTH"), Sdl.enumValue("QUARTER"),
                        Sdl.enumValue("YEAR"), Sdl.enumValue("DAY_OF_THE_WEEK"), Sdl.enumValue("MONTH_OF_THE_YEAR"),
                        Sdl.enumValue("QUARTER_OF_THE_YEAR"))));
        definitions.add(Sdl.inputType(Names.DATE_GROUP_BY_INPUT, "Groups by a date; without a granularity, by its exact value.",
                List.of(input("granularity", named(Names.DATE_GRANULARITY_ENUM)),
                        input("timeZone", named(Scalar.STRING), "IANA time zone the buckets are cut in; UTC by default."))));
        for (FieldKind kind : FieldKind.values()) {
            if (kind.isComposite()) {
                List<InputValueDefinition> parts = new ArrayList<>();
                for (CompositeProperty property : kind.properties()) {
                    if (isGroupable(property.kind())) {
                        parts.add(input(property.name(), named(Scalar.BOOLEAN)));
                    }
                }
                definitions.add(Sdl.inputType(Names.compositeGroupByInputType(kind), "Groups by one part of "
                        + Names.compositeType(kind) + " values.", parts));
            }
        }
        return definitions;
    }

    private static boolean isGroupable(FieldKind kind) {
        return switch (kind) {
            case ARRAY, MULTI_SELECT, RAW_JSON, TS_VECTOR, RELATION -> false;
            default -> !kind.isComposite();
        };
    }
}
