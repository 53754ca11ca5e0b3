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

/** Every emitter the compiler has, one per artifact. */
public final class Emitters {
    private Emitters() {}

    public static List<Emitter> all() {
        return List.of(
                new IrJsonEmitter(),
                new OpenApiEmitter(),
                new GraphqlSdlEmitter(),
                new DdlEmitter(),
                new JooqEmitter(),
                new RestResourceEmitter(),
                new WorkspaceEntryEmitter(),
                new GraphqlResolverEmitter());
    }
}
