package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.crmschema.compiler.naming.Names;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code WorkspaceGraphql}, the workspace's {@code GraphqlBindings}: its resolvers, and the dictionary
 * of types graphql-java-tools cannot find on its own.
 *
 * <p>graphql-java-tools finds the Java class of a type from resolver signatures; for a field of an input
 * type it looks for a public member named like the field, which {@code GraphInput} never has, and then
 * in the dictionary. But it matches a <em>list</em>-typed input field against the dictionary class
 * itself and fails ("not a List"). So the dictionary holds exactly the input and enum types that input
 * fields use and no list-typed input field uses; the others must be found from signatures, which
 * {@link #dictionary} checks.
 */
final class BindingsClass {
    private BindingsClass() {}

    static TypeSpec of(Document document, JavaTypes javaTypes, List<ClassName> resolvers) {
        ParameterizedTypeName resolverType = ParameterizedTypeName.get(RuntimeApi.RESOLVER, WildcardTypeName.subtypeOf(Object.class));
        MethodSpec resolversMethod = MethodSpec.methodBuilder("resolvers")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), resolverType))
                .addParameter(RuntimeApi.RESOLVER_SUPPORT, "support")
                .addStatement("return $L", resolverList(resolvers))
                .build();
        TypeName classOfAny = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
        TypeName dictionaryType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), classOfAny);
        MethodSpec.Builder dictionaryMethod = MethodSpec.methodBuilder("dictionary")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(dictionaryType)
                .addStatement("$T types = new $T<>()", dictionaryType, LinkedHashMap.class);
        for (String type : dictionary(document, javaTypes)) {
            dictionaryMethod.addStatement("types.put($S, $T.class)", type, javaTypes.generated(type));
        }
        dictionaryMethod.addStatement("return $T.unmodifiableMap(types)", Collections.class);
        return TypeSpec.classBuilder(Names.GRAPHQL_BINDINGS_CLASS)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RuntimeApi.BINDINGS)
                .addJavadoc(Javadoc.of("Wires this workspace's GraphQL resolvers; the runtime loads it by name."))
                .addMethod(resolversMethod)
                .addMethod(dictionaryMethod.build())
                .build();
    }

    private static CodeBlock resolverList(List<ClassName> resolvers) {
        List<CodeBlock> instances = new ArrayList<>();
        for (ClassName resolver : resolvers) {
            instances.add(CodeBlock.of("new $T(support)", resolver));
        }
        return CodeBlock.of("$T.of(\n$>$L$<)", List.class, CodeBlock.join(instances, ",\n"));
    }

    static List<String> dictionary(Document document, JavaTypes javaTypes) {
        Set<String> referenced = new LinkedHashSet<>();
        Set<String> inLists = new LinkedHashSet<>();
        for (InputObjectTypeDefinition input : document.getDefinitionsOfType(InputObjectTypeDefinition.class)) {
            for (InputValueDefinition field : input.getInputValueDefinitions()) {
                String type = Sdl.innerName(field.getType());
                if (javaTypes.isInput(type) || javaTypes.isEnum(type)) {
                    referenced.add(type);
                    if (Sdl.isList(field.getType())) {
                        inLists.add(type);
                    }
                }
            }
        }
        Set<String> fromSignatures = fromSignatures(document, javaTypes);
        for (String type : inLists) {
            if (!fromSignatures.contains(type)) {
                throw new IllegalStateException("GraphQL type " + type
                        + " is used in a list-typed input field but in no resolver signature, so graphql-java-tools cannot find its class");
            }
        }
        List<String> dictionary = new ArrayList<>(referenced);
        dictionary.removeAll(inLists);
        return dictionary;
    }

    /** Input and enum types that appear in resolver or accessor signatures: arguments and output fields. */
    private static Set<String> fromSignatures(Document document, JavaTypes javaTypes) {
        Set<String> found = new LinkedHashSet<>();
        for (ObjectTypeDefinition object : document.getDefinitionsOfType(ObjectTypeDefinition.class)) {
            for (FieldDefinition field : object.getFieldDefinitions()) {
                found.add(Sdl.innerName(field.getType()));
                field.getInputValueDefinitions().forEach(argument -> found.add(Sdl.innerName(argument.getType())));
            }
        }
        found.removeIf(type -> !(javaTypes.isInput(type) || javaTypes.isEnum(type)));
        return found;
    }

    static Map<String, TypeDefinition<?>> byName(Document document) {
        Map<String, TypeDefinition<?>> types = new LinkedHashMap<>();
        for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
            types.put(type.getName(), type);
        }
        return types;
    }
}
