package dev.crmschema.compiler.source;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON value that remembers where it was written. The reader builds these so that every
 * later diagnostic can point at the exact line, column and JSON pointer.
 */
public sealed interface SourceNode {
    SourceLocation location();

    /** A human name for the kind of value, used in "expected X but found Y" messages. */
    String kindName();

    record MapNode(SourceLocation location, Map<String, SourceNode> entries) implements SourceNode {
        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    record ListNode(SourceLocation location, List<SourceNode> items) implements SourceNode {
        @Override
        public String kindName() {
            return "a list";
        }
    }

    /** A scalar: String, Boolean, a Number, or null. */
    record ScalarNode(SourceLocation location, Object value) implements SourceNode {
        @Override
        public String kindName() {
            if (value == null) {
                return "null";
            } else if (value instanceof String) {
                return "a string";
            } else if (value instanceof Boolean) {
                return "a boolean";
            }
            return "a number";
        }
    }
}
