package dev.crmschema.compiler.diag;

/**
 * Stable codes for every problem the compiler reports about metadata. Codes never change meaning and
 * are never reused, so build scripts and documentation can refer to them.
 */
public enum DiagnosticCode {
    // 1xx: reading files
    SYNTAX_ERROR("CRM100", "the file is not valid YAML or JSON"),
    UNKNOWN_PROPERTY("CRM101", "a property the format does not define"),
    MISSING_PROPERTY("CRM102", "a required property is missing"),
    WRONG_VALUE_TYPE("CRM103", "a value has the wrong JSON type"),
    DUPLICATE_KEY("CRM104", "a key appears twice in one mapping"),
    NO_METADATA("CRM105", "the workspace folder has no workspace.yaml"),

    // 2xx: linking
    UNKNOWN_FIELD_TYPE("CRM200", "a field type that does not exist"),
    UNSUPPORTED_FIELD_TYPE("CRM201", "a field type that exists in the reference system but is not supported yet"),
    UNKNOWN_RELATION_TARGET("CRM202", "a relation names an object that does not exist"),
    MISSING_INVERSE("CRM203", "a relation's inverse field does not exist"),
    MISMATCHED_INVERSE("CRM204", "a relation's inverse field does not point back, or has the wrong cardinality"),
    DUPLICATE_OBJECT("CRM205", "two objects with the same name"),
    DUPLICATE_FIELD("CRM206", "two fields with the same name on one object"),
    NAME_COLLISION("CRM207", "two names that differ but become equal in a generated language"),
    RESERVED_WORD("CRM208", "a name that is reserved in a target language"),
    INVALID_IDENTIFIER("CRM209", "a name that is not a valid camelCase identifier"),
    INVALID_OPTION_VALUE("CRM210", "a SELECT option value that is not a valid enum name"),
    DUPLICATE_OPTION_VALUE("CRM211", "two SELECT options with the same value"),
    INVALID_DEFAULT("CRM212", "a default value that does not fit the field type"),
    PLURAL_EQUALS_SINGULAR("CRM213", "an object whose plural name equals its singular name"),
    UNKNOWN_OBJECT("CRM214", "fields added to an object that does not exist"),
    MISSING_OPTIONS("CRM215", "a SELECT or MULTI_SELECT field without options"),
    INVALID_RELATION("CRM216", "a relation definition that is incomplete or contradictory"),
    INVALID_SETTING("CRM217", "a field setting that does not fit the field type"),
    INACTIVE_REFERENCE("CRM218", "an active object names an inactive field as its label, search or duplicate field"),
    INVALID_INDEX("CRM219", "an index names a field that does not exist or cannot be indexed, or repeats another");

    private final String code;
    private final String summary;

    DiagnosticCode(String code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }
}
