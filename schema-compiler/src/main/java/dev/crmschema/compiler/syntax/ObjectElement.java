package dev.crmschema.compiler.syntax;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Optional;

/** One object definition as written in a metadata file. An inactive object keeps its table but is left out of the API. */
public record ObjectElement(
        Located<String> nameSingular,
        Located<String> namePlural,
        Optional<String> labelSingular,
        Optional<String> labelPlural,
        Optional<String> description,
        Optional<String> icon,
        boolean isCustom,
        boolean isActive,
        Optional<Located<String>> labelIdentifierField,
        List<Located<String>> searchFields,
        List<List<Located<String>>> duplicateCriteria,
        List<IndexElement> indexes,
        List<FieldElement> fields,
        SourceLocation location) {}
