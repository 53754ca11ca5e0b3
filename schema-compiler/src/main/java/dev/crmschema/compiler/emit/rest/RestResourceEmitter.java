package dev.crmschema.compiler.emit.rest;

import com.palantir.javapoet.ClassName;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the JAX-RS resources of every object: {@code XResource} for {@code /rest/{plural}} and
 * {@code XBatchResource} for {@code /rest/batch/{plural}}, in the workspace package's {@code rest} package.
 */
public final class RestResourceEmitter implements Emitter {
    @Override
    public Artifact artifact() {
        return Artifact.RESOURCES;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        String restPackage = restPackage(workspace, context);
        List<GeneratedFile> files = new ArrayList<>();
        for (ObjectType object : workspace.objects()) {
            String source = "object '" + object.nameSingular() + "' in " + object.location().file();
            files.add(GeneratedJava.file(restPackage,
                    new ResourceClassBuilder(object, Names.restPath(object))
                            .build(ClassName.get(restPackage, Names.resourceClass(object)), RestRoute.RECORDS),
                    workspace.name(), source));
            files.add(GeneratedJava.file(restPackage,
                    new ResourceClassBuilder(object, Names.restBatchPath(object))
                            .build(ClassName.get(restPackage, Names.batchResourceClass(object)), RestRoute.BATCH),
                    workspace.name(), source));
        }
        return List.copyOf(files);
    }

    /** Package of the resource classes: {@code <workspace package>.rest}. */
    static String restPackage(Workspace workspace, EmitContext context) {
        return context.packageOf(workspace) + ".rest";
    }
}
