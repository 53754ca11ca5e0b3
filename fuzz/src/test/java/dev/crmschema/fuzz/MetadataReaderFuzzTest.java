package dev.crmschema.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.link.Linker;
import dev.crmschema.compiler.link.StandardTemplate;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.source.SourceReader;
import dev.crmschema.compiler.source.WorkspaceReader;
import dev.crmschema.compiler.syntax.WorkspaceElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metadata reader on any input: bad metadata must end in diagnostics, never in another exception.
 * {@code sourceText} reads one file as YAML or JSON; {@code workspace} replaces one file of the
 * showcase workspace with the input, then reads and links the workspace.
 */
class MetadataReaderFuzzTest {
    private static final List<String> PATHS = new ArrayList<>(Models.SHOWCASE_FILES.byPath().keySet());
    private static final WorkspaceElement TEMPLATE = StandardTemplate.read();

    @FuzzTest(maxDuration = "3m")
    void sourceText(FuzzedDataProvider data) {
        String file = data.consumeBoolean() ? "objects/fuzz.json" : "objects/fuzz.yaml";
        SourceReader.read(file, data.consumeRemainingAsString(), new Diagnostics());
    }

    /** What {@code SchemaCompiler.check} does, with the built-in standard template read once instead of per input. */
    @FuzzTest(maxDuration = "3m")
    void workspace(FuzzedDataProvider data) {
        String path = PATHS.get(data.consumeInt(0, PATHS.size() - 1));
        Map<String, String> files = new TreeMap<>(Models.SHOWCASE_FILES.byPath());
        files.put(path, data.consumeRemainingAsString());
        Diagnostics diagnostics = new Diagnostics();
        WorkspaceElement element = WorkspaceReader.read(new MetadataFiles(files), diagnostics);
        new Linker(diagnostics).link(element, Optional.of(TEMPLATE));
    }
}
