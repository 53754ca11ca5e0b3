package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The classes of SDL object types: one {@code GraphObject} subclass per record and composite type, with
 * one accessor per field (relation fields excepted, see {@link ResolverClasses}); one {@code GraphEdge},
 * one {@code GraphConnection} and one {@code GraphGroupConnection} (a group of groupBy) subclass per object.
 */
final class OutputClasses {
    private static final TypeName VALUES = ParameterizedTypeName.get(Map.class, String.class, Object.class);

    private final JavaTypes javaTypes;

    OutputClasses(JavaTypes javaTypes) {
        this.javaTypes = javaTypes;
    }

    /** {@code object} is the record type's object, or {@code null} for a composite type. */
    TypeSpec valueClass(ObjectTypeDefinition type, ObjectType object) {
        Set<String> relations = object == null ? Set.of()
                : object.fields().stream().filter(f -> f.relation().isPresent()).map(Field::name).collect(Collectors.toSet());
        TypeSpec.Builder builder = TypeSpec.classBuilder(type.getName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(RuntimeApi.GRAPH_OBJECT)
                .addJavadoc(describe(type))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addParameter(VALUES, "values").addStatement("super(values)").build());
        for (FieldDefinition field : type.getFieldDefinitions()) {
            if (!relations.contains(field.getName())) {
                builder.addMethod(accessor(field));
            }
        }
        return builder.build();
    }

    private MethodSpec accessor(FieldDefinition field) {
        String item = Sdl.innerName(field.getType());
        boolean list = Sdl.isList(field.getType());
        CodeBlock body;
        if (javaTypes.isScalar(item)) {
            body = CodeBlock.of("return $N($S)", list ? "list" : "value", field.getName());
        } else if (javaTypes.isEnum(item)) {
            body = CodeBlock.of("return $N($S, $T.class)", list ? "enumList" : "enumValue", field.getName(), javaTypes.generated(item));
        } else if (javaTypes.isObject(item) && !list) {
            body = CodeBlock.of("return object($S, $T::new)", field.getName(), javaTypes.generated(item));
        } else {
            throw new IllegalStateException("no accessor for field " + field.getName() + " of type " + item);
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(field.getName())
                .addModifiers(Modifier.PUBLIC)
                .returns(javaTypes.output(field.getType()))
                .addStatement(body);
        if (field.getDescription() != null) {
            method.addJavadoc(Javadoc.of(field.getDescription().getContent()));
        }
        return method.build();
    }

    TypeSpec edgeClass(ObjectTypeDefinition type, ClassName record) {
        return TypeSpec.classBuilder(type.getName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeApi.GRAPH_EDGE, record))
                .addJavadoc(describe(type))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addParameter(RuntimeApi.PAGE_EDGE, "edge").addStatement("super(edge, $T::new)", record).build())
                .build();
    }

    /** {@code base} is the runtime's connection class: a plain connection or a group-by group. */
    TypeSpec connectionClass(ObjectTypeDefinition type, ClassName base, ClassName edge) {
        return TypeSpec.classBuilder(type.getName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(base, edge))
                .addJavadoc(describe(type))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addParameter(RuntimeApi.PAGE, "page").addStatement("super(page, $T::new)", edge).build())
                .build();
    }

    private static CodeBlock describe(ObjectTypeDefinition type) {
        String description = type.getDescription() == null ? "" : ": " + type.getDescription().getContent();
        return Javadoc.of("GraphQL type " + type.getName() + description);
    }
}
