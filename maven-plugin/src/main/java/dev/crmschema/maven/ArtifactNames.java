package dev.crmschema.maven;

import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.emit.Artifact;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the configured artifact names into {@link Artifact}s, strictly: an unknown name is an error. */
final class ArtifactNames {
    private ArtifactNames() {}

    /** Names match case-insensitively ({@code ir} or {@code IR}); no names at all selects every artifact. */
    static Set<Artifact> parse(List<String> names) throws SchemaBuildException {
        if (names.isEmpty()) {
            return EnumSet.allOf(Artifact.class);
        }
        List<String> known = Arrays.stream(Artifact.values()).map(Artifact::name).toList();
        Set<Artifact> selected = EnumSet.noneOf(Artifact.class);
        for (String raw : names) {
            String name = raw == null ? "" : raw.strip();
            String upper = name.toUpperCase(Locale.ROOT);
            if (!known.contains(upper)) {
                String suggestion = DidYouMean.hint(name, known).map(h -> " " + h).orElse("");
                throw new SchemaBuildException("crm-schema: unknown artifact '" + name + "' in <artifacts>"
                        + " (crmSchema.artifacts);" + suggestion + " known artifacts: "
                        + known.stream().collect(Collectors.joining(", ")));
            }
            selected.add(Artifact.valueOf(upper));
        }
        return selected;
    }
}
