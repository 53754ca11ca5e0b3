package dev.crmschema.compiler.emit;

import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;

/**
 * What emitters need besides the model: the Java package of this workspace's classes and the folder
 * its resources go to.
 */
public record EmitContext(String basePackage) {
    public static final String DEFAULT_BASE_PACKAGE = "dev.crmschema.generated";

    /** Java package of one workspace, e.g. {@code dev.crmschema.generated.acme}. */
    public String packageOf(Workspace workspace) {
        return basePackage + "." + Names.packageSegment(workspace.name());
    }

    /** Resource folder of one workspace, e.g. {@code crm-schema/acme}. */
    public String resourceFolder(Workspace workspace) {
        return "crm-schema/" + workspace.name();
    }
}
