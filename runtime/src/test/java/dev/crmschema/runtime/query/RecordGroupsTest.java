package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.Requests.order;
import static dev.crmschema.runtime.query.Requests.orderBy;
import static dev.crmschema.runtime.query.Requests.path;
import static dev.crmschema.runtime.query.Requests.where;
import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.query.GroupByRequest.GroupOrder;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.DateGranularity;
import dev.crmschema.runtime.request.GroupDimension;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group-by in the query layer: one GROUP BY statement whatever the number of groups, one more for the
 * record samples, values only as bind values; counts, aggregates, group order and samples per group.
 */
class RecordGroupsTest {
    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static UUID north;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        store = db.store();
        pet = db.workspace().require("pet");
        ObjectType shelter = db.workspace().require("shelter");
        north = UUID.fromString(store.createMany(shelter, List.of(write(shelter, "name", "North")), Actor.apiKey("t"),
                Projection.DEFAULT).get(0).get("id").asText());
        List<RecordWrite> pets = new ArrayList<>();
        String[] species = {"DOG", "CAT", "BIRD"};
        for (int i = 0; i < 30; i++) {
            pets.add(write(pet, "name", String.format("p%02d", i), "shelter", north, "species", species[i % 3],
                    "weightKg", (double) i, "arrivedAt", java.time.OffsetDateTime.parse("2025-01-0" + (1 + i % 7) + "T23:30:00Z")));
        }
        store.createMany(pet, pets, Actor.apiKey("t"), Projection.DEFAULT);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static GroupDimension plain(String path) {
        return new GroupDimension(path(pet, path), Optional.empty(), ZoneId.of("UTC"));
    }

    @Test
    void groupsInOneStatementAndSamplesInOneMore() {
        Map<String, Aggregate> aggregates = Map.of("sumWeightKg", AggregateNames.of(pet).get("sumWeightKg"));
        GroupByRequest request = new GroupByRequest(pet, List.of(plain("species")),
                Optional.of(where(pet, "shelterId", Comparator.EQ, north)), aggregates,
                List.of(GroupOrder.byAggregate(aggregates.get("sumWeightKg"), OrderDirection.DescNullsLast)), 60, 3,
                orderBy(pet, order(pet, "weightKg", OrderDirection.DescNullsLast)), Projection.DEFAULT);
        db.resetStatements();
        List<RecordGroup> groups = store.groupBy(request);
        List<String> statements = db.statements();
        assertEquals(2, statements.size(), String.join("\n", statements));
        assertTrue(statements.get(0).toLowerCase().contains("group by"), statements.get(0));
        for (String sql : statements) {
            assertFalse(sql.contains(north.toString()), "values travel as bind values: " + sql);
        }
        // Sums: BIRD 2+5+...+29 = 155, CAT 1+4+...+28 = 145, DOG 0+3+...+27 = 135.
        assertEquals(List.of(List.of("BIRD"), List.of("CAT"), List.of("DOG")), groups.stream().map(RecordGroup::dimensionValues).toList());
        assertEquals(155, ((Number) groups.get(0).aggregates().get("sumWeightKg")).intValue());
        assertEquals(10, groups.get(0).totalCount());
        RecordPage sample = groups.get(0).records().orElseThrow();
        assertEquals(List.of("p29", "p26", "p23"), sample.records().stream().map(r -> r.get("name").asText()).toList());
        assertTrue(sample.hasNextPage());
    }

    @Test
    void bucketsTimestampsInTheRequestedTimeZoneWithoutInliningIt() {
        GroupDimension day = new GroupDimension(path(pet, "arrivedAt"), Optional.of(DateGranularity.DAY_OF_THE_WEEK),
                ZoneId.of("Europe/Paris"));
        GroupByRequest request = new GroupByRequest(pet, List.of(day), Optional.of(where(pet, "shelterId", Comparator.EQ, north)), Map.of(),
                List.of(GroupOrder.byCount(OrderDirection.DescNullsLast)), 2, 0, orderBy(pet), Projection.DEFAULT);
        db.resetStatements();
        List<RecordGroup> groups = store.groupBy(request);
        assertEquals(1, db.statements().size());
        assertFalse(db.statements().get(0).contains("Europe/Paris"), db.statements().get(0));
        // 23:30 UTC is the next day in Paris: 2025-01-01 (a Wednesday) counts as Thursday. Days 1 and 2
        // of the seven have 5 pets each, the others 4; ties are broken by the day's position in the week.
        assertEquals(List.of(List.of("Thursday"), List.of("Friday")), groups.stream().map(RecordGroup::dimensionValues).toList());
        assertEquals(5, groups.get(0).totalCount());
        assertTrue(groups.get(0).records().isEmpty());
    }

    @Test
    void aMergeMovesRelatedRecordsAndSoftDeletesTheOthers() {
        ObjectType visit = db.workspace().require("visit");
        ObjectType shelter = db.workspace().require("shelter");
        UUID home = UUID.fromString(store.createMany(shelter, List.of(write(shelter, "name", "Merge")), Actor.apiKey("t"),
                Projection.DEFAULT).get(0).get("id").asText());
        List<ObjectNode> twins = store.createMany(pet, List.of(write(pet, "name", "Twin", "shelter", home),
                write(pet, "name", "Twin 2", "shelter", home, "nickname", "T")), Actor.apiKey("t"), Projection.DEFAULT);
        UUID kept = UUID.fromString(twins.get(0).get("id").asText());
        UUID gone = UUID.fromString(twins.get(1).get("id").asText());
        ObjectNode checkup = store.createMany(visit, List.of(write(visit, "pet", gone)), Actor.apiKey("t"), Projection.DEFAULT).get(0);

        ObjectNode merged = store.merge(pet, new dev.crmschema.runtime.request.MergeRequest(List.of(kept, gone), 0, false),
                Projection.DEFAULT);
        assertEquals(kept.toString(), merged.get("id").asText());
        assertEquals("Twin", merged.get("name").asText());
        assertEquals("T", merged.get("nickname").asText());
        assertEquals(kept.toString(), store.findOne(visit, UUID.fromString(checkup.get("id").asText()), Projection.DEFAULT)
                .get("petId").asText());
        assertTrue(store.findByIds(pet, List.of(gone), Projection.DEFAULT).isEmpty());
    }
}
