package dev.crmschema.compiler.model;

/** What happens to a MANY_TO_ONE reference when its target is destroyed. */
public enum OnDelete {
    CASCADE("CASCADE"),
    RESTRICT("RESTRICT"),
    SET_NULL("SET NULL"),
    NO_ACTION("NO ACTION");

    private final String sql;

    OnDelete(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
