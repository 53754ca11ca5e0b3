package dev.crmschema.runtime.workspace;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.crmschema.compiler.model.Workspace;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace's own words in documents rendered once per model. The OpenAPI documents name the
 * workspace (title, guide, {@code x-source}, an export example) and show its description, but the model
 * hash ignores all three, so the documents are rendered for a placeholder workspace and each caller's
 * name, display name and description are put in when a document is served. The result is the document
 * the compiler emits for that workspace, byte for byte.
 */
final class WorkspaceWording {
    private static final String NAME = "@@crm-workspace-name@@";
    private static final String DISPLAY_NAME = "@@crm-workspace-display-name@@";
    private static final String DESCRIPTION = "@@crm-workspace-description@@";
    /**
     * A placeholder, or the description with the empty line before it (a JSON-escaped {@code \n\n}): the
     * OpenAPI guide gives the description a paragraph of its own, which goes when there is none.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("(\\\\n\\\\n)?@@crm-workspace-(name|display-name|description)@@");

    private WorkspaceWording() {}

    /** {@code model} with placeholders for everything the model hash ignores. */
    static Workspace placeholders(Workspace model) {
        return new Workspace(NAME, DISPLAY_NAME, Optional.of(DESCRIPTION), model.objects(), model.location());
    }

    /** A JSON document rendered from {@link #placeholders}, worded for {@code workspace}; one pass over the text. */
    static String fill(String template, Workspace workspace) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String paragraph = matcher.group(1) == null ? "" : matcher.group(1);
            String text = switch (matcher.group(2)) {
                case "name" -> paragraph + jsonText(workspace.name());
                case "display-name" -> paragraph + jsonText(workspace.displayName());
                default -> workspace.description().map(d -> paragraph + jsonText(d)).orElse("");
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** {@code text} as it appears inside a JSON string: Jackson's escaping, as the compiler's {@code Json} writes it. */
    private static String jsonText(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
