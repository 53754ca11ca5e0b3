package dev.crmschema.runtime.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.emit.ModelHash;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated REST code itself: stable bytes, headers, the entry class, and safe Javadoc. */
class GeneratedRestCodeTest {
    private static final GeneratedCode SHOWCASE = GeneratedCode.showcase();

    @Test
    void emittingTwiceGivesIdenticalBytes() {
        MetadataFiles metadata = ExampleWorkspaces.files("showcase");
        List<GeneratedFile> first = GeneratedCode.emit(metadata).files();
        List<GeneratedFile> second = GeneratedCode.emit(metadata).files();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).path(), second.get(i).path());
            assertArrayEquals(first.get(i).content().getBytes(StandardCharsets.UTF_8),
                    second.get(i).content().getBytes(StandardCharsets.UTF_8), first.get(i).path());
        }
    }

    @Test
    void everyObjectGetsAResourceAndABatchResourceWithTheGeneratedHeader() {
        String restFolder = GeneratedCode.CONTEXT.packageOf(SHOWCASE.model()).replace('.', '/') + "/rest/";
        for (ObjectType object : SHOWCASE.model().objects()) {
            for (String type : List.of(Names.resourceClass(object), Names.batchResourceClass(object))) {
                GeneratedFile file = javaFile(restFolder + type + ".java");
                assertTrue(file.content().startsWith("// " + Headers.GENERATED + "\n// Source: object '"
                        + object.nameSingular() + "' in "), file.content());
            }
        }
    }

    @Test
    void theEntryClassDescribesTheWorkspace() throws Exception {
        GeneratedWorkspace entry = SHOWCASE.entry();
        assertEquals("showcase", entry.name());
        assertEquals("crm-schema/showcase", entry.resourceFolder());
        assertEquals(SHOWCASE.model().objects().stream().map(ObjectType::nameSingular).toList(), entry.objectNames());
        assertEquals(ModelHash.of(SHOWCASE.model()), entry.modelHash());
        assertTrue(javaFile(GeneratedCode.CONTEXT.packageOf(SHOWCASE.model()).replace('.', '/') + "/ShowcaseWorkspace.java")
                .content().startsWith("// " + Headers.GENERATED + "\n"));
    }

    @Test
    void theFactoriesMakeEachObjectsResourceByPluralName() {
        GeneratedWorkspace entry = SHOWCASE.entry();
        RestEndpoint endpoint = new EchoEndpoint("any", new ArrayList<>());
        for (ObjectType object : SHOWCASE.model().objects()) {
            assertEquals(Names.resourceClass(object),
                    entry.restResource(object.namePlural(), endpoint).orElseThrow().getClass().getSimpleName());
            assertEquals(Names.batchResourceClass(object),
                    entry.batchRestResource(object.namePlural(), endpoint).orElseThrow().getClass().getSimpleName());
            assertTrue(entry.restResource(object.nameSingular(), endpoint).isEmpty(), object.nameSingular());
        }
        assertTrue(entry.batchRestResource("nothing", endpoint).isEmpty());
    }

    @Test
    void resourcesHaveNoClassPathAndOneHttpMethodPerPublicMethod() {
        GeneratedWorkspace entry = SHOWCASE.entry();
        RestEndpoint endpoint = new EchoEndpoint("pets", new ArrayList<>());
        for (Object resource : List.of(entry.restResource("pets", endpoint).orElseThrow(),
                entry.batchRestResource("pets", endpoint).orElseThrow())) {
            Class<?> type = resource.getClass();
            assertNull(type.getAnnotation(Path.class), type.getName());
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    long httpMethods = Arrays.stream(method.getAnnotations())
                            .map(Annotation::annotationType)
                            .filter(a -> a.isAnnotationPresent(HttpMethod.class))
                            .count();
                    assertEquals(1, httpMethods, method.toString());
                }
            }
        }
    }

    @Test
    void workspaceTextCannotBreakTheGeneratedJavadoc() {
        // A description that would end the comment, a Unicode escape javac would decode in a comment,
        // HTML, a block tag and JavaPoet's own format character.
        String hostile = "Ends here */ class X {} \\\\u002a/ <b>bold</b> & @deprecated $T $$";
        String workspace = "workspace:\n  name: tricky\n  standardObjects: false\n  description: '" + hostile + "'\n"
                + "objects:\n"
                + "  - nameSingular: gadget\n    namePlural: gadgets\n"
                + "    labelSingular: 'Gadget */'\n    labelPlural: 'Gadgets \\u002a/'\n"
                + "    description: '" + hostile + "'\n"
                + "    fields:\n      - {name: name, label: Name, type: TEXT}\n";
        GeneratedCode tricky = GeneratedCode.compile(new MetadataFiles(Map.of("workspace.yaml", workspace)));
        String resource = tricky.files().stream().filter(f -> f.path().endsWith("/GadgetResource.java")).findFirst()
                .orElseThrow().content().replace("\n * ", " ");
        assertTrue(resource.contains("Ends here *&#47; class X {} &#92;&#92;u002a/ &lt;b&gt;bold&lt;/b&gt; &amp; &#64;deprecated $T $$"),
                resource);
        assertNotEquals(SHOWCASE.entry().modelHash(), tricky.entry().modelHash());
    }

    private static GeneratedFile javaFile(String path) {
        return SHOWCASE.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not generated: " + path));
    }
}
