package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.input;
import static dev.crmschema.compiler.emit.graphql.Sdl.list;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;

import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import graphql.language.InputValueDefinition;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The input types of one object (reference contract, sections 2.3 to 2.5): filter, order, create,
 * update, and the relation inputs that let another record point at this one by a unique value.
 */
final class ObjectInputs {
    private ObjectInputs() {}

    static List<TypeDefinition<?>> of(Workspace workspace, ObjectType object) {
        List<TypeDefinition<?>> definitions = new ArrayList<>();
        definitions.add(Sdl.inputType(Names.filterInputType(object),
                "Conditions on " + object.labelPlural() + "; all given conditions must hold.", filter(object)));
        definitions.add(Sdl.inputType(Names.orderByInputType(object),
                "Orders " + object.labelPlural() + " by one or more fields.", orderBy(object)));
        definitions.add(Sdl.inputType(Names.createInputType(object), "A new " + object.labelSingular() + ".",
                data(workspace, object, true)));
        definitions.add(Sdl.inputType(Names.updateInputType(object), "Changes to one " + object.labelSingular() + ".",
                data(workspace, object, false)));
        definitions.addAll(unique(object));
        definitions.add(Sdl.inputType(Names.connectInputType(object), "Finds the " + object.labelSingular() + " to point at.",
                List.of(input("where", named(Names.whereUniqueInputType(object))))));
        definitions.add(Sdl.inputType(Names.relationInputType(object), "Sets or clears a reference to one " + object.labelSingular() + ".",
                List.of(input("connect", named(Names.connectInputType(object))), input("disconnect", named(Scalar.BOOLEAN)))));
        return definitions;
    }

    /** MANY_TO_ONE relations filter by their join column; ONE_TO_MANY relations are not filterable. */
    private static List<InputValueDefinition> filter(ObjectType object) {
        List<InputValueDefinition> fields = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.isManyToOne()) {
                fields.add(input(Names.joinColumn(field.name()), named(ScalarFilter.UUID.typeName())));
            } else if (!field.isOneToMany()) {
                fields.add(input(field.name(), named(FieldTypes.filter(object, field)), FieldTypes.describe(field)));
            }
        }
        String self = Names.filterInputType(object);
        fields.add(input("and", list(self), "Every one of these conditions holds."));
        fields.add(input("or", list(self), "At least one of these conditions holds."));
        fields.add(input("not", named(self), "This condition does not hold."));
        return fields;
    }

    private static List<InputValueDefinition> orderBy(ObjectType object) {
        List<InputValueDefinition> fields = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.isManyToOne()) {
                fields.add(input(Names.joinColumn(field.name()), named(FixedTypes.ORDER_BY_DIRECTION)));
            } else if (field.kind().isComposite()) {
                fields.add(input(field.name(), named(Names.compositeOrderByInputType(field.kind()))));
            } else if (!field.isOneToMany()) {
                fields.add(input(field.name(), named(FixedTypes.ORDER_BY_DIRECTION)));
            }
        }
        return fields;
    }

    /**
     * Create and update inputs: every stored field the client may set, all optional (the server checks
     * required values and applies defaults). A MANY_TO_ONE relation takes its id or a relation input.
     */
    private static List<InputValueDefinition> data(Workspace workspace, ObjectType object, boolean create) {
        List<InputValueDefinition> fields = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.isOneToMany() || field.isServerManaged()) {
                continue;
            }
            if (field.isManyToOne()) {
                ObjectType target = workspace.require(field.relation().orElseThrow().targetObject());
                fields.add(input(Names.joinColumn(field.name()), named(Scalar.ID)));
                fields.add(input(field.name(), named(Names.relationInputType(target)), FieldTypes.describe(field)));
            } else {
                fields.add(input(field.name(), FieldTypes.input(object, field, create), FieldTypes.describe(field)));
            }
        }
        return fields;
    }

    /**
     * {@code WhereUniqueInput}: the id plus each unique field; a unique composite is matched on its
     * primary sub-field (reference contract, section 1.9) through its own {@code WhereInput}.
     */
    private static List<TypeDefinition<?>> unique(ObjectType object) {
        List<TypeDefinition<?>> definitions = new ArrayList<>();
        List<InputValueDefinition> fields = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.name().equals("id")) {
                fields.add(input("id", named(Scalar.UUID.typeName())));
            } else if (!field.isUnique()) {
                continue;
            } else if (field.isManyToOne()) {
                fields.add(input(Names.joinColumn(field.name()), named(Scalar.UUID.typeName())));
            } else if (field.kind().isComposite()) {
                FieldKind kind = field.kind();
                CompositeProperty primary = kind.properties().get(0);
                String where = Names.whereInputType(object, field);
                definitions.add(Sdl.inputType(where, "Finds one " + object.labelSingular() + " by its " + field.label() + ".",
                        List.of(input(primary.name(), FieldTypes.property(kind, primary)))));
                fields.add(input(field.name(), named(where), FieldTypes.describe(field)));
            } else {
                fields.add(input(field.name(), FieldTypes.output(object, field), FieldTypes.describe(field)));
            }
        }
        definitions.add(Sdl.inputType(Names.whereUniqueInputType(object),
                "Identifies one " + object.labelSingular() + " by its id or a unique value.", fields));
        return definitions;
    }
}
