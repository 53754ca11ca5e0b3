package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.Requests.order;
import static dev.crmschema.runtime.query.Requests.orderBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The SQL keyset pages render: a null placement only for columns that can hold nulls, so that an order
 * on NOT NULL columns (the default order by id, position, createdAt) is served by their btree indexes.
 * {@code ORDER BY "id" ASC NULLS FIRST} cannot use an ascending index and sorted the whole table.
 */
class KeysetOrderTest {
    private static final ObjectType PET = TestDatabase.showcase().require("pet");
    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void notNullColumnsAreOrderedWithoutNullPlacement() {
        Keyset keyset = keyset(orderBy(PET, order(PET, "position", OrderDirection.AscNullsFirst)));
        assertEquals("order by \"position\" asc, \"id\" asc", orderByClause(keyset, false));
        assertEquals("order by \"position\" desc, \"id\" desc", orderByClause(keyset, true));
    }

    @Test
    void nullableColumnsKeepTheirNullPlacement() {
        Keyset keyset = keyset(orderBy(PET, order(PET, "name", OrderDirection.AscNullsFirst)));
        assertEquals("order by \"name\" asc nulls first, \"id\" asc", orderByClause(keyset, false));
        assertEquals("order by \"name\" desc nulls last, \"id\" desc", orderByClause(keyset, true));
    }

    @Test
    void seekingPastANotNullValueNeedsNoNullTest() {
        Keyset keyset = keyset(orderBy(PET, order(PET, "position", OrderDirection.DescNullsLast)));
        assertEquals("(\"position\" < cast(2.5E0 as double precision) or (\"position\" = cast(2.5E0 as double precision) "
                + "and \"id\" > cast('" + ID + "' as uuid)))",
                POSTGRES.renderInlined(keyset.after(new Cursor(List.of(2.5, ID)), false)));
    }

    @Test
    void seekingPastANullableValueStillIncludesTheNullsAfterIt() {
        Keyset keyset = keyset(orderBy(PET, order(PET, "name", OrderDirection.AscNullsLast)));
        assertEquals("(\"name\" > 'b' or \"name\" is null or (\"name\" = 'b' and \"id\" > cast('" + ID + "' as uuid)))",
                POSTGRES.renderInlined(keyset.after(new Cursor(List.of("b", ID)), false)));
    }

    private static Keyset keyset(List<OrderItem> order) {
        return new Keyset(new ObjectTable("workspace", PET), order);
    }

    private static String orderByClause(Keyset keyset, boolean backwards) {
        String sql = POSTGRES.renderInlined(DSL.selectOne().from(DSL.table("t")).orderBy(keyset.sortFields(backwards)));
        return sql.substring(sql.indexOf("order by"));
    }
}
