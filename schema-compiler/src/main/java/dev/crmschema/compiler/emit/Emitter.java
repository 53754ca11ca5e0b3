package dev.crmschema.compiler.emit;

import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import java.util.List;

/** A pure function from the linked model to files: no I/O, no hidden state, same input same bytes. */
public interface Emitter {
    Artifact artifact();

    List<GeneratedFile> emit(Workspace workspace, EmitContext context);
}
