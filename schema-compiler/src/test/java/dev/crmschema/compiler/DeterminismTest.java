package dev.crmschema.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same metadata gives byte-identical output, whatever the order of files, objects and added fields. */
class DeterminismTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void compilingTwiceGivesIdenticalBytes() {
        assertEquals(compile(ExampleWorkspaces.files("showcase")), compile(ExampleWorkspaces.files("showcase")));
    }

    @Test
    void shufflingFilesObjectsAndAddedFieldsAndIndexesChangesNothing() throws Exception {
        MetadataFiles original = ExampleWorkspaces.files("showcase");
        List<Object> objects = new ArrayList<>();
        List<Object> addedFields = new ArrayList<>();
        List<Object> addedIndexes = new ArrayList<>();
        Map<String, Object> header = null;
        for (String text : original.byPath().values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> file = YAML.readValue(text, Map.class);
            if (file.containsKey("workspace")) {
                header = Map.of("workspace", file.get("workspace"));
            }
            objects.addAll(listOf(file.get("objects")));
            addedFields.addAll(listOf(file.get("fields")));
            addedIndexes.addAll(listOf(file.get("indexes")));
        }
        assertTrue(addedIndexes.size() > 0);
        Collections.reverse(objects);
        Collections.reverse(addedFields);
        Collections.reverse(addedIndexes);
        Map<String, String> shuffled = new LinkedHashMap<>();
        shuffled.put("workspace.yaml", YAML.writeValueAsString(header));
        shuffled.put("a-extensions.yaml", YAML.writeValueAsString(Map.of("fields", addedFields)));
        shuffled.put("b-indexes.yaml", YAML.writeValueAsString(Map.of("indexes", addedIndexes)));
        shuffled.put("z-all-objects.yaml", YAML.writeValueAsString(Map.of("objects", objects)));

        List<GeneratedFile> expected = withoutSourceLines(compile(original));
        assertTrue(expected.size() > 0);
        assertEquals(expected, withoutSourceLines(compile(new MetadataFiles(shuffled))));
    }

    /** "Source: object 'pet' in objects/pet.yaml" lines name the input file, which this test renames on purpose. */
    private static List<GeneratedFile> withoutSourceLines(List<GeneratedFile> files) {
        return files.stream()
                .map(f -> new GeneratedFile(f.kind(), f.path(), f.content().replaceAll("(?m)^(//|#|--) Source: .*\\n", "")))
                .toList();
    }

    private static List<?> listOf(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static List<GeneratedFile> compile(MetadataFiles files) {
        SchemaCompiler.Result result = SchemaCompiler.compile(files, new EmitContext("determinism"), EnumSet.allOf(Artifact.class));
        assertTrue(result.succeeded(), () -> result.diagnostics().toString());
        return result.files();
    }
}
