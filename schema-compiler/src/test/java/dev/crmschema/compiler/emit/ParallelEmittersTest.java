package dev.crmschema.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelEmittersTest {
    private static final EmitContext CONTEXT = new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE);

    @Test
    void givesEachEmittersFilesInTheEmittersOrderAsIfRunOneAfterTheOther() {
        Workspace showcase = ExampleWorkspaces.showcase();
        List<Emitter> emitters = Emitters.all();
        List<List<GeneratedFile>> sequential = new ArrayList<>();
        for (Emitter emitter : emitters) {
            sequential.add(emitter.emit(showcase, CONTEXT));
        }
        assertEquals(sequential, ParallelEmitters.emit(emitters, showcase, CONTEXT));
    }

    @Test
    void rethrowsAnEmittersExceptionAsItIs() {
        IllegalStateException failure = new IllegalStateException("emitter broke");
        Emitter failing = new Emitter() {
            @Override
            public Artifact artifact() {
                return Artifact.IR;
            }

            @Override
            public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
                throw failure;
            }
        };
        List<Emitter> emitters = List.of(Emitters.all().get(0), failing);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ParallelEmitters.emit(emitters, ExampleWorkspaces.showcase(), CONTEXT));
        assertSame(failure, thrown);
    }
}
