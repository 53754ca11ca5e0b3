package dev.crmschema.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reads and links every workspace under {@code metadataDirectory} and fails with all problems found; writes nothing. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractMojo {
    /**
     * Folder whose sub-folders are workspaces, each with a {@code workspace.yaml}; or a single workspace folder
     * with {@code workspace.yaml} at its root.
     */
    @Parameter(property = "crmSchema.metadataDirectory", defaultValue = "${project.basedir}/src/main/crm", required = true)
    private File metadataDirectory;

    /** Skips the goal. */
    @Parameter(property = "crmSchema.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("crm-schema: skipped (crmSchema.skip)");
            return;
        }
        try {
            new SchemaBuild(getLog()::info).check(metadataDirectory.toPath());
        } catch (SchemaBuildException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }
}
