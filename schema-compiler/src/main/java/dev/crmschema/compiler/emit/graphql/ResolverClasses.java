package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * The graphql-java-tools resolvers: {@code QueryResolver}, {@code MutationResolver}, and one
 * {@code <Type>Resolver} per object with relations. Every method takes the field's arguments in schema
 * order plus the environment, and is a single call to the runtime's {@code GraphqlResolverSupport}.
 */
final class ResolverClasses {
    private static final String SUPPORT = "support";
    private static final String SOURCE = "source";
    private static final String ENV = "env";

    private final Workspace workspace;
    private final JavaTypes javaTypes;

    ResolverClasses(Workspace workspace, JavaTypes javaTypes) {
        this.workspace = workspace;
        this.javaTypes = javaTypes;
    }

    TypeSpec rootResolver(ObjectTypeDefinition root, boolean queries) {
        TypeSpec.Builder builder = resolverClass(queries ? Names.QUERY_RESOLVER_CLASS : Names.MUTATION_RESOLVER_CLASS)
                .addSuperinterface(queries ? RuntimeApi.QUERY_RESOLVER : RuntimeApi.MUTATION_RESOLVER)
                .addJavadoc(Javadoc.of("Resolves the fields of " + root.getName() + " of workspace '" + workspace.name() + "'."));
        // By name once: looking each root field up by scanning would cost objects x root fields.
        Map<String, FieldDefinition> fields = new HashMap<>();
        root.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f));
        for (ObjectType object : workspace.objects()) {
            for (Operation operation : Operation.values()) {
                if (operation.isQuery() == queries) {
                    String name = operation.rootField(object);
                    FieldDefinition field = fields.get(name);
                    if (field == null) {
                        throw new IllegalStateException("no field " + root.getName() + "." + name);
                    }
                    builder.addMethod(rootMethod(field, object, operation));
                }
            }
        }
        return builder.build();
    }

    private MethodSpec rootMethod(FieldDefinition field, ObjectType object, Operation operation) {
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("$S", object.nameSingular()));
        MethodSpec.Builder method = MethodSpec.methodBuilder(field.getName()).addModifiers(Modifier.PUBLIC)
                .returns(javaTypes.output(field.getType()));
        addArguments(method, arguments, field);
        ClassName result = javaTypes.generated(Sdl.innerName(field.getType()));
        arguments.add(CodeBlock.of("$T::new", result));
        // The explicit type argument spares javac inferring it from the constructor reference (measurably
        // faster on large workspaces, which have thousands of these calls).
        return method.addStatement("return $N.<$T>$N($L)", SUPPORT, result, operation.supportMethod(),
                CodeBlock.join(arguments, ", ")).build();
    }

    /** The resolver of an object's relation fields, or {@code null} when it has none. */
    TypeSpec relationResolver(ObjectType object, ObjectTypeDefinition type) {
        List<Field> relations = object.fields().stream().filter(f -> f.relation().isPresent()).toList();
        if (relations.isEmpty()) {
            return null;
        }
        ClassName record = javaTypes.generated(type.getName());
        TypeSpec.Builder builder = resolverClass(Names.relationResolverClass(object))
                .addSuperinterface(ParameterizedTypeName.get(RuntimeApi.RESOLVER, record))
                .addJavadoc(Javadoc.of("Resolves the relation fields of " + type.getName() + "."));
        for (Field relation : relations) {
            FieldDefinition field = field(type, relation.name());
            ClassName result = javaTypes.generated(Sdl.innerName(field.getType()));
            List<CodeBlock> arguments = new ArrayList<>();
            arguments.add(CodeBlock.of("$S", object.nameSingular()));
            arguments.add(CodeBlock.of("$S", relation.name()));
            arguments.add(CodeBlock.of("$N", SOURCE));
            MethodSpec.Builder method = MethodSpec.methodBuilder(field.getName()).addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
                    .addParameter(record, SOURCE);
            addArguments(method, arguments, field);
            arguments.add(CodeBlock.of("$T::new", result));
            String call = relation.isManyToOne() ? "findRelated" : "findRelatedMany";
            builder.addMethod(method.addStatement("return $N.<$T>$N($L)", SUPPORT, result, call, CodeBlock.join(arguments, ", "))
                    .build());
        }
        return builder.build();
    }

    /** One parameter per schema argument, then the environment; the call passes them on in that order. */
    private void addArguments(MethodSpec.Builder method, List<CodeBlock> arguments, FieldDefinition field) {
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            TypeName type = javaTypes.argument(argument.getType());
            method.addParameter(type, argument.getName());
            arguments.add(CodeBlock.of("$N", argument.getName()));
        }
        method.addParameter(RuntimeApi.ENVIRONMENT, ENV);
        arguments.add(CodeBlock.of("$N", ENV));
    }

    private static TypeSpec.Builder resolverClass(String name) {
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(RuntimeApi.RESOLVER_SUPPORT, SUPPORT, Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addParameter(RuntimeApi.RESOLVER_SUPPORT, SUPPORT)
                        .addStatement("this.$N = $N", SUPPORT, SUPPORT).build());
    }

    private static FieldDefinition field(ObjectTypeDefinition type, String name) {
        return type.getFieldDefinitions().stream().filter(f -> f.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no field " + type.getName() + "." + name));
    }
}
