package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.field;
import static dev.crmschema.compiler.emit.graphql.Sdl.input;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;

import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.naming.Names;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The output type of each composite field kind and its create, update, filter and order-by inputs
 * (reference contract, sections 2.3 to 2.5), plus the enums of its fixed-value sub-fields.
 */
final class CompositeTypes {
    private CompositeTypes() {}

    static List<TypeDefinition<?>> all() {
        List<TypeDefinition<?>> definitions = new ArrayList<>();
        for (FieldKind kind : FieldKind.values()) {
            if (kind.isComposite()) {
                definitions.addAll(of(kind));
            }
        }
        return definitions;
    }

    private static List<TypeDefinition<?>> of(FieldKind kind) {
        String name = Names.compositeType(kind);
        List<TypeDefinition<?>> definitions = new ArrayList<>();
        List<FieldDefinition> fields = new ArrayList<>();
        List<InputValueDefinition> settable = new ArrayList<>();
        List<InputValueDefinition> filters = new ArrayList<>();
        List<InputValueDefinition> orders = new ArrayList<>();
        for (CompositeProperty property : kind.properties()) {
            fields.add(field(property.name(), FieldTypes.property(kind, property)));
            if (FieldTypes.isClientSettable(kind, property)) {
                settable.add(input(property.name(), FieldTypes.property(kind, property)));
            }
            filters.add(input(property.name(), named(FieldTypes.propertyFilter(kind, property))));
            orders.add(input(property.name(), named(FixedTypes.ORDER_BY_DIRECTION)));
            if (property.kind() == FieldKind.SELECT) {
                String enumType = Names.compositeEnumType(kind, property.name());
                definitions.add(Sdl.enumType(enumType, "Values of " + name + "." + property.name() + ".",
                        property.enumValues().stream().map(Sdl::enumValue).toList()));
                definitions.add(ScalarFilter.enumFilter(enumType, false));
            }
        }
        definitions.add(ObjectTypeDefinition.newObjectTypeDefinition().name(name)
                .description(Sdl.description("Composite value of " + kind + " fields."))
                .fieldDefinitions(fields).build());
        definitions.add(Sdl.inputType(Names.compositeCreateInputType(kind), "A new " + name + " value.", settable));
        definitions.add(Sdl.inputType(Names.compositeUpdateInputType(kind), "Changes to an existing " + name + " value.", settable));
        definitions.add(Sdl.inputType(Names.compositeFilterInputType(kind), "Conditions on the parts of " + name + " values.",
                filters));
        definitions.add(Sdl.inputType(Names.compositeOrderByInputType(kind), "Orders by parts of " + name + " values.",
                orders));
        return definitions;
    }
}
