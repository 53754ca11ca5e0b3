package dev.crmschema.compiler.emit.rest;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmschema.compiler.model.ObjectType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Builds one JAX-RS resource class of an object: a method per route, each handing its raw parameters
 * to the runtime's {@code RestEndpoint}. The class has no {@code @Path}: the runtime's root resource
 * picks the workspace from the API key and returns an instance from a sub-resource locator.
 */
final class ResourceClassBuilder {
    private static final String ENDPOINT = "endpoint";

    private final ObjectType object;
    private final String basePath;

    /** {@code basePath} is the route the runtime mounts the instance at, for the Javadoc. */
    ResourceClassBuilder(ObjectType object, String basePath) {
        this.object = object;
        this.basePath = basePath;
    }

    TypeSpec build(ClassName name, List<RestRoute> routes) {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc())
                .addAnnotation(mediaType(ReferencedTypes.PRODUCES))
                .addField(FieldSpec.builder(ReferencedTypes.REST_ENDPOINT, ENDPOINT, Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("@param $N the runtime's endpoint for object {@code $L}\n", ENDPOINT, object.nameSingular())
                        .addParameter(ReferencedTypes.REST_ENDPOINT, ENDPOINT)
                        .addStatement("this.$N = $T.requireNonNull($N, $S)", ENDPOINT, ClassName.get(Objects.class),
                                ENDPOINT, ENDPOINT)
                        .build());
        routes.forEach(route -> type.addMethod(method(route)));
        return type.build();
    }

    private CodeBlock classJavadoc() {
        String title = object.description().map(d -> object.labelPlural() + ": " + d).orElse(object.labelPlural());
        return CodeBlock.builder()
                .add("$L\n\n", JavadocText.wrap(JavadocText.sentence(title)))
                .add("<p>REST routes of object {@code $L} at {@code $L}.\n", object.nameSingular(), basePath)
                .add("The runtime's root resource returns an instance from a sub-resource locator;\n")
                .add("each method passes its raw parameters to {@link $T}.\n", ReferencedTypes.REST_ENDPOINT)
                .build();
    }

    private MethodSpec method(RestRoute route) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(route.javaMethod())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(methodJavadoc(route))
                .addAnnotation(route.httpMethod())
                .returns(ReferencedTypes.RESPONSE);
        if (!route.subPath().isEmpty()) {
            method.addAnnotation(AnnotationSpec.builder(ReferencedTypes.PATH).addMember("value", "$S", route.subPath()).build());
        }
        if (route.hasBody()) {
            method.addAnnotation(mediaType(ReferencedTypes.CONSUMES));
        }
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (RouteParameter parameter : route.parameters()) {
            method.addParameter(parameter(parameter));
            arguments.add(arguments.isEmpty() ? "$N" : ", $N", parameter.javaName());
        }
        return method.addStatement("return $N.$N($L)", ENDPOINT, route.endpointMethod(), arguments.build()).build();
    }

    private CodeBlock methodJavadoc(RestRoute route) {
        Map<String, Object> labels = new TreeMap<>();
        labels.put("singular", JavadocText.escape(object.labelSingular()));
        labels.put("plural", JavadocText.escape(object.labelPlural()));
        String path = route.subPath().isEmpty() ? basePath : basePath + "/" + route.subPath();
        String summary = CodeBlock.builder().addNamed(route.summary(), labels).build().toString();
        return CodeBlock.builder()
                .add("$L", JavadocText.wrap(summary))
                .add("\n\n<p>{@code $L $L}: delegates to {@link $T#$L}.\n",
                        route.httpMethod().simpleName(), path, ReferencedTypes.REST_ENDPOINT, route.endpointMethod())
                .build();
    }

    private static ParameterSpec parameter(RouteParameter parameter) {
        TypeName type = parameter.source() == RouteParameter.Source.BODY ? ReferencedTypes.JSON_NODE : ClassName.get(String.class);
        ParameterSpec.Builder spec = ParameterSpec.builder(type, parameter.javaName());
        switch (parameter.source()) {
            case QUERY -> spec.addAnnotation(named(ReferencedTypes.QUERY_PARAM, parameter.wireName()));
            case PATH -> spec.addAnnotation(named(ReferencedTypes.PATH_PARAM, parameter.wireName()));
            case BODY -> { } // the entity parameter of a JAX-RS method carries no annotation
        }
        return spec.build();
    }

    private static AnnotationSpec named(ClassName annotation, String wireName) {
        return AnnotationSpec.builder(annotation).addMember("value", "$S", wireName).build();
    }

    private static AnnotationSpec mediaType(ClassName annotation) {
        return AnnotationSpec.builder(annotation).addMember("value", "$T.APPLICATION_JSON", ReferencedTypes.MEDIA_TYPE).build();
    }
}
