package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.TypeSpec;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InputObjectTypeDefinition;
import javax.lang.model.element.Modifier;

/** The classes of SDL input and enum types: an empty {@code GraphInput} subclass, or a Java enum. */
final class InputClasses {
    private InputClasses() {}

    static TypeSpec inputClass(InputObjectTypeDefinition type) {
        TypeSpec.Builder builder = TypeSpec.classBuilder(type.getName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(RuntimeApi.GRAPH_INPUT);
        String description = type.getDescription() == null ? "" : ": " + type.getDescription().getContent();
        builder.addJavadoc(Javadoc.of("GraphQL input " + type.getName() + description));
        return builder.build();
    }

    static TypeSpec enumClass(EnumTypeDefinition type) {
        TypeSpec.Builder builder = TypeSpec.enumBuilder(type.getName()).addModifiers(Modifier.PUBLIC);
        String description = type.getDescription() == null ? "" : ": " + type.getDescription().getContent();
        builder.addJavadoc(Javadoc.of("GraphQL enum " + type.getName() + description));
        for (EnumValueDefinition value : type.getEnumValueDefinitions()) {
            if (value.getDescription() == null) {
                builder.addEnumConstant(value.getName());
            } else {
                builder.addEnumConstant(value.getName(),
                        TypeSpec.anonymousClassBuilder("").addJavadoc(Javadoc.of(value.getDescription().getContent())).build());
            }
        }
        return builder.build();
    }
}
