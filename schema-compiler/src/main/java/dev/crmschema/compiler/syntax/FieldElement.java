package dev.crmschema.compiler.syntax;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One field as written. {@code object} is set only for fields added to an existing object from a
 * top-level {@code fields:} list; fields nested in an object definition leave it empty. An inactive
 * field keeps its storage but is left out of the API.
 */
public record FieldElement(
        Optional<Located<String>> object,
        Located<String> name,
        Optional<String> label,
        Located<String> type,
        Optional<String> description,
        Optional<String> icon,
        boolean isNullable,
        boolean isUnique,
        boolean isCustom,
        boolean isSystem,
        boolean isActive,
        Optional<Located<Object>> defaultValue,
        List<OptionElement> options,
        Map<String, Located<Object>> settings,
        Optional<RelationElement> relation,
        SourceLocation location) {}
