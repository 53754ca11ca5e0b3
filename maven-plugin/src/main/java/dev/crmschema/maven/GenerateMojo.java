package dev.crmschema.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Compiles every workspace under {@code metadataDirectory} and writes the generated Java sources and resources,
 * then adds both folders to the build. Skips the work when neither the metadata, this configuration nor the
 * compiler changed since the last run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
    /**
     * Folder whose sub-folders are workspaces, each with a {@code workspace.yaml}; or a single workspace folder
     * with {@code workspace.yaml} at its root.
     */
    @Parameter(property = "crmSchema.metadataDirectory", defaultValue = "${project.basedir}/src/main/crm", required = true)
    private File metadataDirectory;

    /** Where generated Java sources go; added as a compile source root. The plugin owns this folder. */
    @Parameter(property = "crmSchema.sourceOutputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/crm-schema", required = true)
    private File sourceOutputDirectory;

    /**
     * Where generated resources (IR, OpenAPI, SDL, DDL) go, under {@code crm-schema/<workspace>/}; added as a
     * resource folder. The plugin owns this folder.
     */
    @Parameter(property = "crmSchema.resourceOutputDirectory",
            defaultValue = "${project.build.directory}/generated-resources/crm-schema", required = true)
    private File resourceOutputDirectory;

    /** Java package that each workspace's package is nested in ({@code <basePackage>.<workspace>}). */
    @Parameter(property = "crmSchema.basePackage", defaultValue = "dev.crmschema.generated", required = true)
    private String basePackage;

    /**
     * Which artefacts to generate, by name: {@code IR}, {@code OPENAPI}, {@code GRAPHQL}, {@code DDL},
     * {@code JOOQ}, {@code RESOURCES} (case-insensitive). Empty means all of them.
     */
    @Parameter(property = "crmSchema.artifacts")
    private List<String> artifacts;

    /**
     * Where the fingerprint of the last generation is kept. Give each execution its own when a project runs
     * several.
     */
    @Parameter(property = "crmSchema.fingerprintFile",
            defaultValue = "${project.build.directory}/crm-schema.fingerprint", required = true)
    private File fingerprintFile;

    /** Skips the goal: nothing is generated and no folder is added to the build. */
    @Parameter(property = "crmSchema.skip", defaultValue = "false")
    private boolean skip;

    /** The project that the generated folders are added to. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("crm-schema: skipped (crmSchema.skip)");
            return;
        }
        GenerationOptions options = new GenerationOptions(metadataDirectory.toPath(), sourceOutputDirectory.toPath(),
                resourceOutputDirectory.toPath(), basePackage, artifacts, fingerprintFile.toPath());
        try {
            new SchemaBuild(getLog()::info).generate(options);
        } catch (SchemaBuildException e) {
            throw new MojoFailureException(e.getMessage());
        }
        addRoots(options);
    }

    private void addRoots(GenerationOptions options) {
        project.addCompileSourceRoot(options.sourceOutputDirectory().toString());
        String resources = options.resourceOutputDirectory().toString();
        if (project.getResources().stream().noneMatch(r -> resources.equals(r.getDirectory()))) {
            Resource resource = new Resource();
            resource.setDirectory(resources);
            project.addResource(resource);
        }
    }
}
