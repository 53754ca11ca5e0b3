package dev.crmschema.compiler.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.diag.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses YAML or JSON text into {@link SourceNode}s with locations. Syntax errors and duplicate keys
 * become diagnostics; the reader never throws for bad input.
 */
public final class SourceReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private SourceReader() {}

    /** Parses {@code text}; {@code file} names it in diagnostics. Returns empty after a syntax error. */
    public static Optional<SourceNode> read(String file, String text, Diagnostics diagnostics) {
        JsonFactory factory = file.endsWith(".json") ? JSON : YAML;
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            return Optional.of(readValue(parser, new SourceLocation(file, "", line(parser), column(parser)), diagnostics));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            diagnostics.error(DiagnosticCode.SYNTAX_ERROR, new SourceLocation(file, "", line, column),
                    "cannot parse " + file + ": " + e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(DiagnosticCode.SYNTAX_ERROR, new SourceLocation(file, "", 1, 1),
                    "cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static SourceNode readValue(JsonParser parser, SourceLocation at, Diagnostics diagnostics) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, SourceNode> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = at.child(key, line(parser), column(parser));
                    parser.nextToken();
                    SourceNode value = readValue(parser, keyAt, diagnostics);
                    if (entries.putIfAbsent(key, value) != null) {
                        diagnostics.error(DiagnosticCode.DUPLICATE_KEY, keyAt, "key '" + key + "' appears twice",
                                "remove one of the two entries");
                    }
                }
                return new SourceNode.MapNode(at, entries);
            }
            case START_ARRAY -> {
                List<SourceNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    SourceLocation itemAt = at.child(Integer.toString(index++), line(parser), column(parser));
                    items.add(readValue(parser, itemAt, diagnostics));
                }
                return new SourceNode.ListNode(at, items);
            }
            case VALUE_STRING -> {
                return new SourceNode.ScalarNode(at, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new SourceNode.ScalarNode(at, parser.getNumberValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new SourceNode.ScalarNode(at, parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new SourceNode.ScalarNode(at, token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new SourceNode.ScalarNode(at, null);
            }
            default -> {
                return new SourceNode.ScalarNode(at, parser.getText());
            }
        }
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private static int column(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getColumnNr());
    }
}
