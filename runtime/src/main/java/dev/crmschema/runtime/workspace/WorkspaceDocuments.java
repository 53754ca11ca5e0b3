package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The documents a workspace serves about itself, rendered once per model and shared by every workspace
 * with that model. The OpenAPI documents are templates worded per workspace when served
 * ({@link WorkspaceWording}), kept compressed: they are about a megabyte of repetitive JSON per model and
 * are asked for only when someone opens the docs, so a few milliseconds of inflating per request buy
 * back most of that memory. The GraphQL SDL never names the workspace.
 */
public final class WorkspaceDocuments {
    private final byte[] openApiCore;
    private final byte[] openApiMetadata;
    private final String graphqlSdl;

    private WorkspaceDocuments(String openApiCoreTemplate, String openApiMetadataTemplate, String graphqlSdl) {
        this.openApiCore = gzip(openApiCoreTemplate);
        this.openApiMetadata = gzip(openApiMetadataTemplate);
        this.graphqlSdl = graphqlSdl;
    }

    /** Renders the documents of {@code model} for any workspace with that model. */
    public static WorkspaceDocuments render(Workspace model) {
        List<GeneratedFile> files = SchemaCompiler.emit(WorkspaceWording.placeholders(model),
                new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE), EnumSet.of(Artifact.OPENAPI, Artifact.GRAPHQL));
        return new WorkspaceDocuments(find(files, "openapi-core.json"), find(files, "openapi-metadata.json"),
                find(files, "schema.graphqls"));
    }

    /** The core OpenAPI document of {@code workspace}, which has this model. */
    public String openApiCore(Workspace workspace) {
        return WorkspaceWording.fill(gunzip(openApiCore), workspace);
    }

    /** The metadata OpenAPI document of {@code workspace}, which has this model. */
    public String openApiMetadata(Workspace workspace) {
        return WorkspaceWording.fill(gunzip(openApiMetadata), workspace);
    }

    /** The model's GraphQL schema (SDL), the same for every workspace with it. */
    public String graphqlSdl() {
        return graphqlSdl;
    }

    private static String find(List<GeneratedFile> files, String name) {
        return files.stream().filter(f -> f.path().endsWith("/" + name)).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new IllegalStateException("the compiler emitted no " + name));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 8);
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress in memory", e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inflate in memory", e);
        }
    }
}
