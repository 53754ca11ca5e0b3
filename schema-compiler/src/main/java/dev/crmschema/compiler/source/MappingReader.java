package dev.crmschema.compiler.source;

import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.diag.SourceLocation;
import dev.crmschema.compiler.syntax.Located;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed properties out of one mapping, reporting wrong types, missing required keys and
 * unknown keys (with a did-you-mean hint) instead of failing on the first one.
 */
final class MappingReader {
    private final SourceNode.MapNode node;
    private final Set<String> known;
    private final Diagnostics diagnostics;

    private MappingReader(SourceNode.MapNode node, Set<String> known, Diagnostics diagnostics) {
        this.node = node;
        this.known = known;
        this.diagnostics = diagnostics;
    }

    /** Returns a reader over {@code node}, or empty (with a diagnostic) when it is not a mapping. */
    static Optional<MappingReader> of(SourceNode node, String what, Set<String> known, Diagnostics diagnostics) {
        if (node instanceof SourceNode.MapNode map) {
            MappingReader reader = new MappingReader(map, known, diagnostics);
            reader.rejectUnknown(what);
            return Optional.of(reader);
        }
        diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, node.location(),
                what + " must be a mapping, found " + node.kindName());
        return Optional.empty();
    }

    SourceLocation location() {
        return node.location();
    }

    private void rejectUnknown(String what) {
        for (Map.Entry<String, SourceNode> entry : node.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, entry.getValue().location(),
                        "unknown property '" + entry.getKey() + "' in " + what,
                        DidYouMean.hint(entry.getKey(), known).orElse("known properties: " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    Optional<SourceNode> node(String key) {
        return Optional.ofNullable(node.entries().get(key));
    }

    Optional<Located<String>> string(String key) {
        SourceNode value = node.entries().get(key);
        if (value == null || (value instanceof SourceNode.ScalarNode s && s.value() == null)) {
            return Optional.empty();
        }
        if (value instanceof SourceNode.ScalarNode s && s.value() instanceof String text) {
            return Optional.of(new Located<>(text, s.location()));
        }
        diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, value.location(),
                "'" + key + "' must be a string, found " + value.kindName());
        return Optional.empty();
    }

    Optional<Located<String>> requiredString(String key, String what) {
        if (!node.entries().containsKey(key)) {
            diagnostics.error(DiagnosticCode.MISSING_PROPERTY, node.location(),
                    what + " is missing required property '" + key + "'");
            return Optional.empty();
        }
        return string(key);
    }

    Optional<String> text(String key) {
        return string(key).map(Located::value);
    }

    boolean bool(String key, boolean fallback) {
        SourceNode value = node.entries().get(key);
        if (value == null || (value instanceof SourceNode.ScalarNode s && s.value() == null)) {
            return fallback;
        }
        if (value instanceof SourceNode.ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, value.location(),
                "'" + key + "' must be true or false, found " + value.kindName());
        return fallback;
    }

    Optional<Integer> integer(String key) {
        SourceNode value = node.entries().get(key);
        if (value == null || (value instanceof SourceNode.ScalarNode s && s.value() == null)) {
            return Optional.empty();
        }
        if (value instanceof SourceNode.ScalarNode s && s.value() instanceof Number n
                && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
            return Optional.of(n.intValue());
        }
        diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, value.location(),
                "'" + key + "' must be an integer, found " + value.kindName());
        return Optional.empty();
    }

    /** The items of a list property (empty when absent or not a list). */
    List<SourceNode> list(String key) {
        SourceNode value = node.entries().get(key);
        if (value == null || (value instanceof SourceNode.ScalarNode s && s.value() == null)) {
            return List.of();
        }
        if (value instanceof SourceNode.ListNode list) {
            return list.items();
        }
        diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, value.location(),
                "'" + key + "' must be a list, found " + value.kindName());
        return List.of();
    }

    List<Located<String>> strings(String key) {
        List<Located<String>> result = new ArrayList<>();
        for (SourceNode item : list(key)) {
            if (item instanceof SourceNode.ScalarNode s && s.value() instanceof String text) {
                result.add(new Located<>(text, s.location()));
            } else {
                diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, item.location(),
                        "items of '" + key + "' must be strings, found " + item.kindName());
            }
        }
        return List.copyOf(result);
    }

    /** Converts any value to plain immutable Java data: Map, List, String, Number, Boolean or null. */
    static Object plain(SourceNode node) {
        if (node instanceof SourceNode.MapNode map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> result.put(k, plain(v)));
            return Collections.unmodifiableMap(result);
        } else if (node instanceof SourceNode.ListNode list) {
            return list.items().stream().map(MappingReader::plain).toList();
        }
        return ((SourceNode.ScalarNode) node).value();
    }
}
