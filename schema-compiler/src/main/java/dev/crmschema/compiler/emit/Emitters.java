package dev.crmschema.compiler.emit;

import dev.crmschema.compiler.emit.graphql.GraphqlResolverEmitter;
import dev.crmschema.compiler.emit.graphql.GraphqlSdlEmitter;
import dev.crmschema.compiler.emit.ir.IrJsonEmitter;
import dev.crmschema.compiler.emit.jooq.JooqEmitter;
import dev.crmschema.compiler.emit.openapi.OpenApiEmitter;
import dev.crmschema.compiler.emit.rest.RestResourceEmitter;
import dev.crmschema.compiler.emit.rest.WorkspaceEntryEmitter;
import dev.crmschema.compiler.emit.sql.DdlEmitter;
import java.util.List;

/**
 * Every emitter the compiler has, one per artifact, slowest first: {@link ParallelEmitters} starts them in this
 * order, so the longest one (jooq-codegen, most of a large model's emit time) starts at once and the others
 * share the remaining cores instead of delaying it. The order changes no output.
 */
public final class Emitters {
    private Emitters() {}

    public static List<Emitter> all() {
        return List.of(
                new JooqEmitter(),
                new GraphqlResolverEmitter(),
                new OpenApiEmitter(),
                new GraphqlSdlEmitter(),
                new RestResourceEmitter(),
                new IrJsonEmitter(),
                new WorkspaceEntryEmitter(),
                new DdlEmitter());
    }
}
