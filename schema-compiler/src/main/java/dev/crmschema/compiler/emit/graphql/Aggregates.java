package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.field;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import graphql.language.FieldDefinition;
import java.util.ArrayList;
import java.util.List;

/** Aggregate fields of a connection (reference contract, section 2.6). */
final class Aggregates {
    private Aggregates() {}

    static List<FieldDefinition> of(ObjectType object) {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(field("totalCount", named(Scalar.INT), "How many records match, on every page together."));
        for (Field field : object.fields()) {
            if (field.kind() == FieldKind.RELATION) {
                continue;
            }
            String name = field.name();
            String label = field.label();
            fields.add(field(Names.aggregate("countUniqueValues", name), named(Scalar.INT), "Distinct values of " + label + "."));
            fields.add(field(Names.aggregate("countEmpty", name), named(Scalar.INT), "Records with an empty " + label + "."));
            fields.add(field(Names.aggregate("countNotEmpty", name), named(Scalar.INT), "Records with a non-empty " + label + "."));
            fields.add(field(Names.aggregate("percentageEmpty", name), named(Scalar.FLOAT),
                    "Share of records with an empty " + label + ", between 0 and 1."));
            fields.add(field(Names.aggregate("percentageNotEmpty", name), named(Scalar.FLOAT),
                    "Share of records with a non-empty " + label + ", between 0 and 1."));
            switch (field.kind()) {
                case DATE_TIME, DATE -> {
                    fields.add(field(Names.aggregate("min", name), named(Scalar.DATE_TIME.typeName()), "Earliest " + label + "."));
                    fields.add(field(Names.aggregate("max", name), named(Scalar.DATE_TIME.typeName()), "Latest " + label + "."));
                }
                case NUMBER, NUMERIC -> {
                    fields.add(field(Names.aggregate("min", name), named(Scalar.FLOAT), "Smallest " + label + "."));
                    fields.add(field(Names.aggregate("max", name), named(Scalar.FLOAT), "Largest " + label + "."));
                    fields.add(field(Names.aggregate("avg", name), named(Scalar.FLOAT), "Average " + label + "."));
                    fields.add(field(Names.aggregate("sum", name), named(Scalar.FLOAT), "Sum of " + label + "."));
                }
                case CURRENCY -> {
                    String micros = Names.compositeColumn(name, "amountMicros");
                    fields.add(field(Names.aggregate("min", micros), named(Scalar.FLOAT), "Smallest " + label + " amount, in micros."));
                    fields.add(field(Names.aggregate("max", micros), named(Scalar.FLOAT), "Largest " + label + " amount, in micros."));
                    fields.add(field(Names.aggregate("sum", micros), named(Scalar.FLOAT), "Sum of " + label + " amounts, in micros."));
                    fields.add(field(Names.aggregate("avg", micros), named(Scalar.FLOAT), "Average " + label + " amount, in micros."));
                }
                case BOOLEAN -> {
                    fields.add(field(Names.aggregate("countTrue", name), named(Scalar.INT), "Records where " + label + " is true."));
                    fields.add(field(Names.aggregate("countFalse", name), named(Scalar.INT), "Records where " + label + " is false."));
                }
                default -> {
                    // The other kinds have only the counts above.
                }
            }
        }
        return fields;
    }
}
