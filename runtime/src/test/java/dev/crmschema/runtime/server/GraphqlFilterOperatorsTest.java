package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Graphql.map;
import static dev.crmschema.runtime.server.Graphql.nodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GraphQL filter operators REST does not have (reference contract, section 2.4), on the custom
 * workspace: containsIlike and isEmptyArray on arrays, containsJsonb on JSON, search on search vectors,
 * containsAny and ranges on single-valued enums; regex stays refused, and REST keeps its 13 comparators.
 */
@ExtendWith(SharedServer.class)
class GraphqlFilterOperatorsTest {
    private static final String PETS = "query($filter: PetFilterInput) { pets(filter: $filter, orderBy: [{name: AscNullsFirst}]) "
            + "{ edges { node { name } } } }";

    private static TestServer server;
    private static Graphql shelter;
    private static String home;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
        shelter = new Graphql(server, server.shelterKey);
        home = shelter.data("mutation($data: ShelterCreateInput!) { createShelter(data: $data) { id } }",
                "data", map("name", "Operators " + UUID.randomUUID())).path("createShelter").path("id").asText();
        shelter.data("mutation($data: [PetCreateInput!]!) { createPets(data: $data) { id } }", "data", List.of(
                map("name", "Whiskers", "shelterId", home, "species", "CAT", "friendliness", "RATING_4",
                        "tags", List.of("Friendly", "old"), "colors", List.of("BLACK"), "traits", map("diet", "fish", "shots", 2)),
                map("name", "Brutus", "shelterId", home, "species", "DOG", "friendliness", "RATING_2",
                        "tags", List.of(), "colors", List.of(), "traits", map("diet", "meat"))));
    }

    private static List<String> names(Map<String, Object> condition) {
        Map<String, Object> filter = map("and", List.of(map("shelterId", map("eq", home)), condition));
        return nodes(shelter.data(PETS, "filter", filter).path("pets"), "name");
    }

    @Test
    void arraysTakeContainsIlikeAndIsEmptyArray() {
        assertEquals(List.of("Whiskers"), names(map("tags", map("containsIlike", List.of("%FRIEND%", "nothing")))));
        assertEquals(List.of(), names(map("tags", map("containsIlike", List.of("%young%")))));
        assertEquals(List.of("Brutus"), names(map("tags", map("isEmptyArray", true))));
        assertEquals(List.of("Whiskers"), names(map("tags", map("isEmptyArray", false))));
        assertEquals(List.of("Brutus"), names(map("colors", map("isEmptyArray", true))));
    }

    @Test
    void jsonTakesContainsJsonbAndSearchVectorsTakeSearch() {
        assertEquals(List.of("Whiskers"), names(map("traits", map("containsJsonb", map("diet", "fish")))));
        assertEquals(List.of("Brutus", "Whiskers"), names(map("traits", map("containsJsonb", Map.of()))));
        assertEquals(List.of("Whiskers"), names(map("searchVector", map("search", "whiskers"))));
        assertEquals(List.of(), names(map("searchVector", map("search", "rex"))));
    }

    @Test
    void singleValuedEnumsTakeContainsAnyAndRangesByPosition() {
        assertEquals(List.of("Whiskers"), names(map("species", map("containsAny", List.of("CAT", "BIRD")))));
        assertEquals(List.of("Whiskers"), names(map("friendliness", map("gt", "RATING_3"))));
        assertEquals(List.of("Brutus"), names(map("friendliness", map("lte", "RATING_2"))));
    }

    @Test
    void regexStaysRefusedAndRestKeepsItsGrammar() {
        shelter.error("BAD_USER_INPUT", "INVALID_ARGS_FILTER", "Operator \"regex\" is not supported", PETS,
                "filter", map("name", map("regex", "^W")));
        shelter.error("BAD_USER_INPUT", "INVALID_ARGS_FILTER", null, PETS, "filter", map("species", map("isEmptyArray", true)));
        Api.assertBadRequest(server.get(server.shelterKey, "/rest/pets" + Api.query("filter", "tags[containsIlike]:[x]")),
                "'filter' invalid for 'tags[containsIlike]:[x]', comparator containsIlike not in eq, neq, in, containsAny, is, "
                        + "gt, gte, lt, lte, startsWith, endsWith, like, ilike");
    }
}
