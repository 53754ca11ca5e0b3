package dev.crmschema.compiler.emit;

import dev.crmschema.compiler.emit.graphql.GraphqlResolverEmitter;
import dev.crmschema.compiler.emit.graphql.GraphqlSdlEmitter;
import dev.crmschema.compiler.emit.ir.IrJsonEmitter;
import java.util.List;

/** Every emitter the compiler has, one per artifact. */
public final class Emitters {
    private Emitters() {}

    public static List<Emitter> all() {
        return List.of(
                new IrJsonEmitter(),
                new GraphqlSdlEmitter(),
                new GraphqlResolverEmitter());
    }
}
