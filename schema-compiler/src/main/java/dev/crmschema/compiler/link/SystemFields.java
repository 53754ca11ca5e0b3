package dev.crmschema.compiler.link;

import dev.crmschema.compiler.diag.SourceLocation;
import dev.crmschema.compiler.syntax.FieldElement;
import dev.crmschema.compiler.syntax.Located;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields every object has (reference contract, section 5): id first, then timestamps, position,
 * actors and the search vector. Custom objects also get a {@code name} label field unless they define one.
 */
final class SystemFields {
    private SystemFields() {}

    static final List<String> NAMES = List.of(
            "id", "createdAt", "updatedAt", "deletedAt", "position", "createdBy", "updatedBy", "searchVector");

    static FieldElement id() {
        return field("id", "Id", "UUID", false, Optional.of("uuid"), "Id");
    }

    static List<FieldElement> trailing() {
        return List.of(
                field("createdAt", "Creation date", "DATE_TIME", false, Optional.of("now"), "IconCalendar"),
                field("updatedAt", "Last update", "DATE_TIME", false, Optional.of("now"), "IconCalendarClock"),
                field("deletedAt", "Deleted at", "DATE_TIME", true, Optional.empty(), "IconCalendarMinus"),
                field("position", "Position", "POSITION", false, Optional.of(0), "IconHierarchy2"),
                field("createdBy", "Created by", "ACTOR", false,
                        Optional.of(Map.of("source", "'MANUAL'", "name", "'System'")), "IconCreativeCommonsSa"),
                field("updatedBy", "Updated by", "ACTOR", true, Optional.empty(), "IconUserCircle"),
                field("searchVector", "Search vector", "TS_VECTOR", true, Optional.empty(), "IconSearch"));
    }

    static FieldElement defaultName() {
        return new FieldElement(Optional.empty(), located("name"), Optional.of("Name"), located("TEXT"),
                Optional.of("The record's name"), Optional.of("IconAbc"), true, false, false, false, true,
                Optional.empty(), List.of(), Map.of(), Optional.empty(), builtIn("name"));
    }

    private static FieldElement field(String name, String label, String type, boolean nullable, Optional<Object> defaultValue,
            String icon) {
        return new FieldElement(Optional.empty(), located(name), Optional.of(label), located(type), Optional.empty(),
                Optional.of(icon), nullable, false, false, true, true,
                defaultValue.map(v -> new Located<>(v, builtIn(name))), List.of(), Map.of(), Optional.empty(), builtIn(name));
    }

    private static Located<String> located(String value) {
        return new Located<>(value, builtIn(value));
    }

    private static SourceLocation builtIn(String name) {
        return SourceLocation.builtIn("/systemFields/" + name);
    }
}
