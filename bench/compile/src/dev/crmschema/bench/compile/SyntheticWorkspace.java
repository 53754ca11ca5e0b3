package dev.crmschema.bench.compile;

import dev.crmschema.compiler.source.MetadataFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metadata files of a made-up workspace with {@code objects} custom objects of {@value #FIELDS_PER_OBJECT}
 * fields each, in the same YAML format a user writes. Each object has 28 scalar and composite fields,
 * cycling through the field types roughly as a CRM uses them (text and numbers most), and 2 relation
 * fields that join the objects in a ring: {@code previous} (MANY_TO_ONE to the object before) and
 * {@code following} (its ONE_TO_MANY inverse on that object). The standard objects come on top, as in
 * every workspace.
 */
final class SyntheticWorkspace {
    static final int FIELDS_PER_OBJECT = 30;

    /** One field line per entry: YAML flow mappings, {@code %d} is the field's number in its object. */
    private static final List<String> SCALAR_FIELDS = List.of(
            "{name: title%d, label: Title %d, type: TEXT}",
            "{name: count%d, label: Count %d, type: NUMBER, settings: {dataType: int}}",
            "{name: ratio%d, label: Ratio %d, type: NUMBER, settings: {dataType: float, decimals: 2}}",
            "{name: amount%d, label: Amount %d, type: NUMERIC}",
            "{name: flag%d, label: Flag %d, type: BOOLEAN, isNullable: false, defaultValue: false}",
            "{name: happenedAt%d, label: Happened at %d, type: DATE_TIME}",
            "{name: day%d, label: Day %d, type: DATE}",
            "{name: stage%d, label: Stage %d, type: SELECT, options: [{value: NEW, label: New, color: sky},"
                    + " {value: OPEN, label: Open, color: green}, {value: WON, label: Won, color: yellow},"
                    + " {value: LOST, label: Lost, color: red}]}",
            "{name: labels%d, label: Labels %d, type: MULTI_SELECT, options: [{value: RED, label: Red, color: red},"
                    + " {value: BLUE, label: Blue, color: blue}, {value: GREEN, label: Green, color: green}]}",
            "{name: score%d, label: Score %d, type: RATING}",
            "{name: price%d, label: Price %d, type: CURRENCY}",
            "{name: contactName%d, label: Contact name %d, type: FULL_NAME}",
            "{name: emails%d, label: Emails %d, type: EMAILS}",
            "{name: phones%d, label: Phones %d, type: PHONES}",
            "{name: links%d, label: Links %d, type: LINKS}",
            "{name: address%d, label: Address %d, type: ADDRESS}",
            "{name: details%d, label: Details %d, type: RAW_JSON}",
            "{name: tags%d, label: Tags %d, type: ARRAY}",
            "{name: notes%d, label: Notes %d, type: RICH_TEXT_V2}",
            "{name: externalId%d, label: External id %d, type: UUID}");

    private SyntheticWorkspace() {}

    static MetadataFiles of(int objects) {
        Map<String, String> files = new TreeMap<>();
        files.put(MetadataFiles.WORKSPACE_FILE, """
                workspace:
                  name: bench
                  displayName: Benchmark
                  description: Synthetic workspace for the compile-time benchmark.
                """);
        for (int i = 0; i < objects; i++) {
            files.put("objects/" + singular(i) + ".yaml", object(i, objects));
        }
        return new MetadataFiles(files);
    }

    private static String object(int index, int objects) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("objects:\n");
        yaml.append("  - nameSingular: ").append(singular(index)).append('\n');
        yaml.append("    namePlural: ").append(plural(index)).append('\n');
        yaml.append("    labelSingular: Bench item ").append(index).append('\n');
        yaml.append("    labelPlural: Bench items ").append(index).append('\n');
        yaml.append("    fields:\n");
        int scalars = FIELDS_PER_OBJECT - 2;
        for (int f = 0; f < scalars; f++) {
            String line = SCALAR_FIELDS.get(f % SCALAR_FIELDS.size());
            yaml.append("      - ").append(line.formatted(f, f)).append('\n');
        }
        int previous = (index + objects - 1) % objects;
        int next = (index + 1) % objects;
        yaml.append("      - {name: previous, label: Previous, type: RELATION, relation: {type: MANY_TO_ONE, targetObject: ")
                .append(singular(previous)).append(", inverseField: following, onDelete: SET_NULL}}\n");
        yaml.append("      - {name: following, label: Following, type: RELATION, relation: {type: ONE_TO_MANY, targetObject: ")
                .append(singular(next)).append(", inverseField: previous}}\n");
        return yaml.toString();
    }

    private static String singular(int index) {
        return "benchItem" + index;
    }

    private static String plural(int index) {
        return "benchItems" + index;
    }
}
