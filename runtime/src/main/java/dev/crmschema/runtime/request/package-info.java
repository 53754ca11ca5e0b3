/**
 * The typed request model shared by REST and GraphQL, and the parsers that build it from raw REST input,
 * checked against the workspace model. Nothing here touches SQL: the executor binds the values as given.
 *
 * <ul>
 *   <li>{@link dev.crmschema.runtime.request.FilterParser}: {@code filter} to a {@link dev.crmschema.runtime.request.Filter}
 *       tree; conditions via {@code ConditionParser}, paths via {@link dev.crmschema.runtime.request.FieldPathResolver},
 *       comparator/kind rules in {@link dev.crmschema.runtime.request.ComparatorRules}, values via
 *       {@link dev.crmschema.runtime.request.ValueParser}.
 *   <li>{@link dev.crmschema.runtime.request.OrderByParser}: {@code order_by} to order items ending with {@code id}.
 *   <li>{@link dev.crmschema.runtime.request.CursorCodec}: keyset cursors, both ways.
 *   <li>{@link dev.crmschema.runtime.request.QueryParameters} and
 *       {@link dev.crmschema.runtime.request.FindManyRequestBuilder}: the other list parameters.
 *   <li>{@link dev.crmschema.runtime.request.RecordBodyParser}: JSON bodies to
 *       {@link dev.crmschema.runtime.request.RecordWrite}s.
 * </ul>
 *
 * <p>Java types of values, by column type: {@code uuid} UUID, {@code text} String, {@code double precision}
 * Double, {@code integer}/{@code bigint} Long, {@code numeric} BigDecimal, {@code boolean} Boolean,
 * {@code timestamptz} OffsetDateTime, {@code date} LocalDate, enums String. In writes and cursors,
 * {@code jsonb} is {@link org.jooq.JSONB} and {@code text[]}/enum arrays are {@code String[]}. In filters,
 * a {@code jsonb} operand is the String matched against the JSON text ({@code like}/{@code ilike}), and
 * {@code containsAny} and {@code in} operands are Lists of the element type.
 */
package dev.crmschema.runtime.request;
