/**
 * Record operations of one workspace over its PostgreSQL schema, built with jOOQ's DSL from the linked
 * model, and the shaping of rows into the API contract's JSON records.
 *
 * <p>The API is {@link dev.crmschema.runtime.query.RecordStore} (one method per operation, each in one
 * transaction), its results ({@link com.fasterxml.jackson.databind.node.ObjectNode} records and
 * {@link dev.crmschema.runtime.query.RecordPage}), {@link dev.crmschema.runtime.query.Actor} and
 * {@link dev.crmschema.runtime.query.Aggregate}; it
 * consumes the typed request model of {@code dev.crmschema.runtime.request}. Everything else is
 * package-private.
 *
 * <p>Things callers must know:
 * <ul>
 *   <li>Cursor values are the order columns' Java values (see {@code ColumnValues}); a timestamp keeps
 *       microseconds, and an encoded cursor must keep them too, or the record at the cursor is read
 *       again on the next page.</li>
 *   <li>TS_VECTOR fields (search vectors) are omitted from records unless a {@code fields} projection
 *       names them; then they come back as PostgreSQL's text form of the vector.</li>
 *   <li>Values are always bind values; identifiers come only from the model and are quoted by jOOQ.
 *       Enum values are bound as text and cast to the column's PostgreSQL enum type. The one number
 *       written into the text is a page's limit, an integer the server clamps to 0-200: PostgreSQL
 *       plans a statement with a bound LIMIT anew on every run.</li>
 * </ul>
 */
package dev.crmschema.runtime.query;
