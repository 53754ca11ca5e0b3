package dev.crmschema.compiler.model;

/** The PostgreSQL type of one physical column. Enum columns also carry their enum type's name. */
public enum ColumnType {
    UUID("uuid"),
    TEXT("text"),
    DOUBLE("double precision"),
    INTEGER("integer"),
    BIGINT("bigint"),
    NUMERIC("numeric"),
    BOOLEAN("boolean"),
    TIMESTAMPTZ("timestamp with time zone"),
    DATE("date"),
    JSONB("jsonb"),
    TEXT_ARRAY("text[]"),
    ENUM(null),
    ENUM_ARRAY(null),
    TSVECTOR("tsvector");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    /** The SQL type for non-enum columns; enum columns use {@link Column#enumType()}. */
    public String sql() {
        return sql;
    }
}
