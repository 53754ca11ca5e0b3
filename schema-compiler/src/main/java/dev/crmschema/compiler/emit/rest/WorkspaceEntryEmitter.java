package dev.crmschema.compiler.emit.rest;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.emit.ModelHash;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits a workspace's entry class (e.g. {@code ShowcaseWorkspace}), the runtime's one handle on the
 * generated code: it names the workspace, fingerprints its model and makes the resource instances and
 * the GraphQL bindings.
 */
public final class WorkspaceEntryEmitter implements Emitter {
    private static final String OBJECT_NAMES = "OBJECT_NAMES";
    private static final String PLURAL = "namePlural";
    private static final String ENDPOINT = "endpoint";

    @Override
    public Artifact artifact() {
        return Artifact.RESOURCES;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        String restPackage = RestResourceEmitter.restPackage(workspace, context);
        TypeName stringList = ParameterizedTypeName.get(List.class, String.class);
        CodeBlock.Builder names = CodeBlock.builder();
        for (ObjectType object : workspace.objects()) {
            names.add(names.isEmpty() ? "$S" : ",$W$S", object.nameSingular());
        }
        TypeSpec type = TypeSpec.classBuilder(Names.workspaceClass(workspace.name()))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ReferencedTypes.GENERATED_WORKSPACE)
                .addJavadoc(javadoc(workspace))
                .addField(FieldSpec.builder(stringList, OBJECT_NAMES, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($L)", List.class, names.build())
                        .build())
                .addMethod(constant("name", workspace.name()))
                .addMethod(constant("modelHash", ModelHash.of(workspace)))
                .addMethod(constant("resourceFolder", context.resourceFolder(workspace)))
                .addMethod(override("objectNames", stringList).addStatement("return $N", OBJECT_NAMES).build())
                .addMethod(factory("restResource", workspace,
                        o -> ClassName.get(restPackage, Names.resourceClass(o))))
                .addMethod(factory("batchRestResource", workspace,
                        o -> ClassName.get(restPackage, Names.batchResourceClass(o))))
                .addMethod(graphqlBindings(workspace, context))
                .build();
        return List.of(GeneratedJava.file(context.packageOf(workspace), type, workspace.name(), "all objects"));
    }

    private static CodeBlock javadoc(Workspace workspace) {
        String title = workspace.description().map(d -> workspace.displayName() + ": " + d).orElse(workspace.displayName());
        return CodeBlock.builder()
                .add("$L\n\n", JavadocText.wrap(JavadocText.sentence(title)))
                .add("<p>Entry point of workspace {@code $L}'s generated code, which the runtime loads by name.\n",
                        workspace.name())
                .build();
    }

    private static MethodSpec constant(String method, String value) {
        return override(method, ClassName.get(String.class)).addStatement("return $S", value).build();
    }

    /** A switch from plural name to a new resource instance: the runtime's sub-resource locators call it. */
    private static MethodSpec factory(String method, Workspace workspace, Function<ObjectType, ClassName> resourceClass) {
        CodeBlock.Builder body = CodeBlock.builder().add("return switch ($N) {\n", PLURAL).indent();
        for (ObjectType object : workspace.objects()) {
            body.add("case $S -> $T.of(new $T($N));\n", object.namePlural(), Optional.class, resourceClass.apply(object),
                    ENDPOINT);
        }
        body.add("default -> $T.empty();\n", Optional.class).unindent().add("};\n");
        return override(method, ParameterizedTypeName.get(Optional.class, Object.class))
                .addParameter(String.class, PLURAL)
                .addParameter(ReferencedTypes.REST_ENDPOINT, ENDPOINT)
                .addCode(body.build())
                .build();
    }

    /** The workspace's GraphQL bindings, from the resolver emitter's package (GraphqlResolverEmitter). */
    private static MethodSpec graphqlBindings(Workspace workspace, EmitContext context) {
        ClassName bindings = ClassName.get(Names.graphqlPackage(context.packageOf(workspace)), Names.GRAPHQL_BINDINGS_CLASS);
        return override("graphqlBindings", ReferencedTypes.GRAPHQL_BINDINGS).addStatement("return new $T()", bindings).build();
    }

    private static MethodSpec.Builder override(String method, TypeName returns) {
        return MethodSpec.methodBuilder(method)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }
}
