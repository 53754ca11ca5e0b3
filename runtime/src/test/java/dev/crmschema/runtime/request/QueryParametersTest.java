package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.crmschema.runtime.errors.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {
    static Stream<Arguments> limits() {
        return Stream.of(
                arguments(null, 60), arguments("0", 0), arguments("1", 1), arguments("60", 60), arguments("200", 200),
                arguments("201", 200), arguments("99999999999999999999", 200), arguments(" 5 ", 5), arguments("007", 7));
    }

    @ParameterizedTest(name = "limit={0}")
    @MethodSource("limits")
    void readsLimitWithDefaultAndClamp(String raw, int expected) {
        assertEquals(expected, QueryParameters.limit(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaa", "-1", "", "1.5", "1e3", "0x10", "ten"})
    void refusesLimitsThatAreNotNonNegativeIntegers(String raw) {
        ApiException error = assertThrows(ApiException.class, () -> QueryParameters.limit(raw));
        assertEquals(400, error.status());
        assertEquals("limit '" + raw + "' is invalid. Should be an integer", error.getMessage());
    }

    @Test
    void readsDepth() {
        assertEquals(0, QueryParameters.depth(null));
        assertEquals(0, QueryParameters.depth("0"));
        assertEquals(1, QueryParameters.depth("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-1", "", "one", "01x"})
    void refusesOtherDepths(String raw) {
        ApiException error = assertThrows(ApiException.class, () -> QueryParameters.depth(raw));
        assertEquals("'depth=" + raw + "' parameter invalid. Allowed values are 0, 1", error.getMessage());
    }

    @Test
    void readsFieldsInTheOrderGivenRelationsIncluded() {
        Optional<Set<String>> fields = QueryParameters.fields(Showcase.object("person"), "name, emails,company,id,adoptedPets");
        assertEquals(List.of("name", "emails", "company", "id", "adoptedPets"), List.copyOf(fields.orElseThrow()));
        assertEquals(Optional.empty(), QueryParameters.fields(Showcase.object("person"), null));
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                arguments("", "''"),
                arguments("name,nope,,companyId", "nope, '', companyId"),
                arguments("nmae", "nmae"));
    }

    @ParameterizedTest(name = "fields={0}")
    @MethodSource("badFields")
    void refusesUnknownOrEmptyFields(String raw, String listed) {
        ApiException error = assertThrows(ApiException.class, () -> QueryParameters.fields(Showcase.object("person"), raw));
        assertEquals("'fields' parameter invalid. Unknown or unreadable fields on 'person': " + listed, error.getMessage());
    }

    @Test
    void readsBooleanFlags() {
        assertEquals(false, QueryParameters.upsert(null));
        assertEquals(true, QueryParameters.upsert("true"));
        assertEquals(false, QueryParameters.upsert("false"));
        assertEquals(false, QueryParameters.softDelete(null));
        assertEquals(true, QueryParameters.softDelete("true"));
        assertEquals(false, QueryParameters.softDelete("false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "yes", "TRUE", "False"})
    void refusesOtherBooleanValues(String raw) {
        ApiException upsert = assertThrows(ApiException.class, () -> QueryParameters.upsert(raw));
        assertEquals("'upsert=" + raw + "' parameter invalid. Allowed values are true, false", upsert.getMessage());
        ApiException softDelete = assertThrows(ApiException.class, () -> QueryParameters.softDelete(raw));
        assertEquals("'soft_delete=" + raw + "' parameter invalid. Allowed values are true, false", softDelete.getMessage());
    }
}
