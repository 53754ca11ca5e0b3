package dev.crmschema.compiler.emit.graphql;

import graphql.language.ScalarTypeDefinition;

/**
 * The custom scalars of the core API (reference contract, section 2.3). The runtime implements them
 * under the same names; the schema declares only those it uses.
 */
enum Scalar {
    UUID("UUID", "A UUID in its canonical text form."),
    DATE_TIME("DateTime", "A point in time, as an ISO-8601 string with offset (2025-01-01T00:00:00.000Z)."),
    DATE("Date", "A calendar date, as an ISO-8601 string (2025-01-01)."),
    BIG_FLOAT("BigFloat", "An arbitrary-precision decimal number, written as a JSON number."),
    BIG_INT("BigInt", "A 64-bit integer."),
    POSITION("Position", "A record's place in a manual ordering: a number; inputs also accept \"first\" and \"last\"."),
    JSON("JSON", "Any JSON value."),
    CURSOR("Cursor", "An opaque cursor pointing at one edge of a connection."),
    CONNECTION_CURSOR("ConnectionCursor", "An opaque cursor pointing at the start or end of a page."),
    TS_VECTOR("TSVector", "A full-text search document; filter it with `search`.");

    /** Scalars every GraphQL schema has; they are never declared. */
    static final String STRING = "String";
    static final String INT = "Int";
    static final String FLOAT = "Float";
    static final String BOOLEAN = "Boolean";
    static final String ID = "ID";

    private final String typeName;
    private final String description;

    Scalar(String typeName, String description) {
        this.typeName = typeName;
        this.description = description;
    }

    String typeName() {
        return typeName;
    }

    ScalarTypeDefinition definition() {
        return ScalarTypeDefinition.newScalarTypeDefinition().name(typeName).description(Sdl.description(description)).build();
    }
}
