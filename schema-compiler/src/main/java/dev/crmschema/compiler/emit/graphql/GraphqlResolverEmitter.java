package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the graphql-java-tools classes of a workspace's core GraphQL schema, in
 * {@code <workspace package>.graphql}: a Java class for every SDL object, input and enum type (the tools
 * map one class to one type), the query, mutation and relation resolvers, and {@code WorkspaceGraphql}.
 * The classes are derived from the same syntax tree the SDL emitter prints, so they match it type for
 * type and argument for argument. They use only the runtime's {@code dev.crmschema.runtime.api.graphql}.
 */
public final class GraphqlResolverEmitter implements Emitter {
    @Override
    public Artifact artifact() {
        return Artifact.RESOURCES;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        Document document = GraphqlSchema.build(workspace);
        String packageName = Names.graphqlPackage(context.packageOf(workspace));
        Map<String, TypeDefinition<?>> types = BindingsClass.byName(document);
        JavaTypes javaTypes = new JavaTypes(packageName, types);
        ObjectRoles roles = new ObjectRoles(workspace);
        OutputClasses outputs = new OutputClasses(javaTypes);
        ResolverClasses resolvers = new ResolverClasses(workspace, javaTypes);

        List<TypeSpec> classes = new ArrayList<>();
        List<ClassName> resolverClasses = new ArrayList<>();
        for (TypeDefinition<?> type : types.values()) {
            if (type instanceof InputObjectTypeDefinition input) {
                classes.add(InputClasses.inputClass(input));
            } else if (type instanceof EnumTypeDefinition enumType) {
                classes.add(InputClasses.enumClass(enumType));
            } else if (type instanceof ObjectTypeDefinition object) {
                switch (roles.of(object.getName())) {
                    case ROOT -> {
                        TypeSpec resolver = resolvers.rootResolver(object, object.getName().equals(FixedTypes.QUERY));
                        classes.add(resolver);
                        resolverClasses.add(ClassName.get(packageName, resolver.name()));
                    }
                    case PAGE_INFO -> {
                        // The runtime's PageInfo record serves every workspace.
                    }
                    case COMPOSITE -> classes.add(outputs.valueClass(object, null));
                    case RECORD -> {
                        ObjectType model = roles.object(object.getName());
                        classes.add(outputs.valueClass(object, model));
                        TypeSpec resolver = resolvers.relationResolver(model, object);
                        if (resolver != null) {
                            classes.add(resolver);
                            resolverClasses.add(ClassName.get(packageName, resolver.name()));
                        }
                    }
                    case EDGE -> classes.add(outputs.edgeClass(object, javaTypes.generated(Sdl.innerName(
                            object.getFieldDefinitions().get(0).getType()))));
                    case CONNECTION -> classes.add(outputs.connectionClass(object, RuntimeApi.GRAPH_CONNECTION,
                            javaTypes.generated(Sdl.innerName(object.getFieldDefinitions().get(0).getType()))));
                    case GROUP_CONNECTION -> classes.add(outputs.connectionClass(object, RuntimeApi.GRAPH_GROUP_CONNECTION,
                            javaTypes.generated(Sdl.innerName(object.getFieldDefinitions().get(0).getType()))));
                }
            }
        }
        classes.add(BindingsClass.of(document, javaTypes, resolverClasses));

        List<GeneratedFile> files = new ArrayList<>();
        for (TypeSpec type : classes) {
            JavaFile file = JavaFile.builder(packageName, type)
                    .addFileComment("$L\n$L", Headers.GENERATED, Headers.source(workspace.name(), "GraphQL resolvers"))
                    .indent("    ")
                    .build();
            files.add(GeneratedFile.java(packageName.replace('.', '/') + "/" + type.name() + ".java", file.toString()));
        }
        return files;
    }
}
