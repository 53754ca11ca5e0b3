package dev.crmschema.compiler.link;

import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.source.WorkspaceReader;
import dev.crmschema.compiler.syntax.WorkspaceElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The built-in template of Twenty's standard objects, read from the compiler's own resources. */
public final class StandardTemplate {
    private static final String RESOURCE = "/dev/crmschema/compiler/standard/standard-objects.yaml";

    private StandardTemplate() {}

    public static String text() {
        try (InputStream in = StandardTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("standard template missing from the compiler jar: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template's elements, read once per class loader: every link of every workspace uses them, and reading
     * the YAML took about 4 ms a time when a server linked its workspaces at start. Nothing changes elements
     * after reading, so one copy serves every thread. A broken template is a compiler bug, so it throws.
     */
    public static WorkspaceElement read() {
        return Parsed.TEMPLATE;
    }

    private static final class Parsed {
        static final WorkspaceElement TEMPLATE = parse();
    }

    private static WorkspaceElement parse() {
        Diagnostics diagnostics = new Diagnostics();
        WorkspaceElement template = WorkspaceReader.readTemplate(
                new MetadataFiles(Map.of(MetadataFiles.WORKSPACE_FILE, text())), diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException("the built-in standard template is invalid:\n" + diagnostics.sorted());
        }
        return template;
    }
}
