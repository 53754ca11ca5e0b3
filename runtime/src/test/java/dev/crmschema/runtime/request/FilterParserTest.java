package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.crmschema.runtime.errors.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {
    private static final String SHELTER_ID = "6dd71a46-0000-4000-8000-000000000001";
    private static final String ZERO_UUID = "00000000-0000-4000-8000-000000000000";

    private final FilterParser parser = new FilterParser();

    /**
     * The contract's list of valid filters (section 1.4), one per field type, adapted to the showcase's
     * pet object, plus the other examples the section gives on standard objects.
     */
    static Stream<Arguments> contractExamples() {
        return Stream.of(
                arguments("pet", "externalId[neq]:\"" + ZERO_UUID + "\"", "externalId", Comparator.NEQ, UUID.fromString(ZERO_UUID)),
                arguments("pet", "externalId[in]:[\"" + SHELTER_ID + "\"]", "externalId", Comparator.IN,
                        List.of(UUID.fromString(SHELTER_ID))),
                arguments("pet", "externalId[is]:NULL", "externalId", Comparator.IS, Filter.IsValue.NULL),
                arguments("pet", "nickname[like]:\"%es%\"", "nickname", Comparator.LIKE, "%es%"),
                arguments("pet", "nickname[ilike]:\"%ES%\"", "nickname", Comparator.ILIKE, "%ES%"),
                arguments("pet", "nickname[gt]:\"tess\"", "nickname", Comparator.GT, "tess"),
                arguments("pet", "weightKg[lte]:1", "weightKg", Comparator.LTE, 1.0),
                arguments("pet", "weightKg[is]:\"NOT_NULL\"", "weightKg", Comparator.IS, Filter.IsValue.NOT_NULL),
                arguments("pet", "arrivedAt[gte]:\"2005-01-01T00:00:00Z\"", "arrivedAt", Comparator.GTE,
                        OffsetDateTime.parse("2005-01-01T00:00:00Z")),
                arguments("pet", "birthday[lt]:\"2125-01-01\"", "birthday", Comparator.LT, LocalDate.of(2125, 1, 1)),
                arguments("pet", "vetPhones.primaryPhoneNumber[eq]:\"1234567890\"", "vetPhones.primaryPhoneNumber",
                        Comparator.EQ, "1234567890"),
                arguments("pet", "vetPhones.primaryPhoneCountryCode[like]:\"FR\"", "vetPhones.primaryPhoneCountryCode",
                        Comparator.LIKE, "FR"),
                arguments("pet", "ownerEmails.additionalEmails[is]:\"NOT_NULL\"", "ownerEmails.additionalEmails",
                        Comparator.IS, Filter.IsValue.NOT_NULL),
                arguments("pet", "profileLinks.secondaryLinks[like]:\"%twenty%\"", "profileLinks.secondaryLinks",
                        Comparator.LIKE, "%twenty%"),
                arguments("pet", "monthlyCost.amountMicros[eq]:1000000", "monthlyCost.amountMicros", Comparator.EQ,
                        new BigDecimal("1000000")),
                arguments("pet", "monthlyCost.currencyCode[eq]:\"USD\"", "monthlyCost.currencyCode", Comparator.EQ, "USD"),
                arguments("pet", "caretakerName.firstName[eq]:\"John\"", "caretakerName.firstName", Comparator.EQ, "John"),
                arguments("pet", "friendliness[in]:[\"RATING_5\",\"RATING_4\"]", "friendliness", Comparator.IN,
                        List.of("RATING_5", "RATING_4")),
                arguments("pet", "friendliness[neq]:\"RATING_3\"", "friendliness", Comparator.NEQ, "RATING_3"),
                arguments("pet", "species[in]:[DOG]", "species", Comparator.IN, List.of("DOG")),
                arguments("pet", "species[is]:NOT_NULL", "species", Comparator.IS, Filter.IsValue.NOT_NULL),
                arguments("pet", "colors[containsAny]:[BLACK]", "colors", Comparator.CONTAINS_ANY, List.of("BLACK")),
                arguments("pet", "foundAt.addressCity[eq]:\"address city\"", "foundAt.addressCity", Comparator.EQ,
                        "address city"),
                arguments("pet", "traits[like]:\"%test%\"", "traits", Comparator.LIKE, "%test%"),
                arguments("pet", "tags[is]:NULL", "tags", Comparator.IS, Filter.IsValue.NULL),
                arguments("pet", "shelterId[eq]:\"" + SHELTER_ID + "\"", "shelterId", Comparator.EQ, UUID.fromString(SHELTER_ID)),
                arguments("pet", "isAdopted[eq]:true", "isAdopted", Comparator.EQ, true),
                arguments("pet", "vaccinationCount[gte]:3", "vaccinationCount", Comparator.GTE, 3L),
                arguments("pet", "kennelOrder[lt]:2.5", "kennelOrder", Comparator.LT, 2.5),
                arguments("pet", "adoptionFee[gt]:10.50", "adoptionFee", Comparator.GT, new BigDecimal("10.50")),
                arguments("pet", "tags[containsAny]:[\"calm\",'shy']", "tags", Comparator.CONTAINS_ANY, List.of("calm", "shy")),
                arguments("pet", "lastCheckedBy.source[eq]:API", "lastCheckedBy.source", Comparator.EQ, "API"),
                arguments("pet", "bio.markdown[ilike]:\"%vet%\"", "bio.markdown", Comparator.ILIKE, "%vet%"),
                arguments("person", "emails.primaryEmail[eq]:foo@example.com", "emails.primaryEmail", Comparator.EQ,
                        "foo@example.com"),
                arguments("person", "name.firstName[eq]:\"John\"", "name.firstName", Comparator.EQ, "John"),
                arguments("person", "companyId[eq]:\"" + SHELTER_ID + "\"", "companyId", Comparator.EQ,
                        UUID.fromString(SHELTER_ID)),
                arguments("person", "companyId[in]:[\"" + SHELTER_ID + "\"]", "companyId", Comparator.IN,
                        List.of(UUID.fromString(SHELTER_ID))),
                arguments("person", "companyId[is]:NULL", "companyId", Comparator.IS, Filter.IsValue.NULL),
                arguments("company", "name[ilike]:\"%smith%\"", "name", Comparator.ILIKE, "%smith%"),
                arguments("company", "domainName.primaryLinkUrl[ilike]:\"%acme%\"", "domainName.primaryLinkUrl",
                        Comparator.ILIKE, "%acme%"),
                arguments("company", "employees[in]:[1,2,3]", "employees", Comparator.IN, List.of(1L, 2L, 3L)),
                arguments("opportunity", "amount.amountMicros[gt]:1000000", "amount.amountMicros", Comparator.GT,
                        new BigDecimal("1000000")),
                arguments("opportunity", "stage[eq]:'MEETING'", "stage", Comparator.EQ, "MEETING"),
                arguments("opportunity", "createdAt[gte]:\"2024-01-01\"", "createdAt", Comparator.GTE,
                        OffsetDateTime.parse("2024-01-01T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("contractExamples")
    void parsesTheContractsExampleFilters(String object, String filter, String path, Comparator comparator, Object value) {
        Filter.Condition condition = onlyCondition(parser.parse(Showcase.object(object), filter));
        assertEquals(path, condition.path().display());
        assertEquals(comparator, condition.comparator());
        assertEquals(value, condition.value());
    }

    @Test
    void wrapsAFilterWithoutConjunctionInAnd() {
        Filter filter = parser.parse(Showcase.object("pet"), "name[eq]:\"Rex\",weightKg[gte]:2");
        Filter.And and = assertInstanceOf(Filter.And.class, filter);
        assertEquals(2, and.items().size());
        assertEquals("name", ((Filter.Condition) and.items().get(0)).path().display());
        assertEquals("weightKg", ((Filter.Condition) and.items().get(1)).path().display());
    }

    @Test
    void keepsAnExplicitRootConjunction() {
        Filter filter = parser.parse(Showcase.object("opportunity"), "or(createdAt[gte]:\"2024-01-01\",not(id[is]:NULL))");
        Filter.Or or = assertInstanceOf(Filter.Or.class, filter);
        assertEquals(2, or.items().size());
        Filter.Not not = assertInstanceOf(Filter.Not.class, or.items().get(1));
        Filter.Condition id = assertInstanceOf(Filter.Condition.class, not.item());
        assertEquals("id", id.path().display());
        assertEquals(Filter.IsValue.NULL, id.value());
    }

    @Test
    void wrapsWhenTheFirstConjunctionDoesNotSpanTheWholeFilter() {
        Filter filter = parser.parse(Showcase.object("pet"), "or(name[eq]:a,name[eq]:b),weightKg[gt]:1");
        Filter.And and = assertInstanceOf(Filter.And.class, filter);
        assertInstanceOf(Filter.Or.class, and.items().get(0));
        assertInstanceOf(Filter.Condition.class, and.items().get(1));
    }

    @Test
    void nestsConjunctions() {
        Filter filter = parser.parse(Showcase.object("pet"),
                "and(or(species[eq]:DOG,species[eq]:CAT),not(and(isAdopted[eq]:true,weightKg[gt]:3)))");
        Filter.And and = assertInstanceOf(Filter.And.class, filter);
        Filter.Or or = assertInstanceOf(Filter.Or.class, and.items().get(0));
        assertEquals(2, or.items().size());
        Filter.Not not = assertInstanceOf(Filter.Not.class, and.items().get(1));
        assertEquals(2, assertInstanceOf(Filter.And.class, not.item()).items().size());
    }

    @Test
    void splitsOnlyOnTopLevelCommas() {
        Filter filter = parser.parse(Showcase.object("pet"),
                "name[in]:[\"a,b\",'c,d'],nickname[eq]:\"x,y\",or(name[eq]:'p,q',name[eq]:r),nickname[eq]:'(,)'");
        Filter.And and = assertInstanceOf(Filter.And.class, filter);
        assertEquals(4, and.items().size());
        assertEquals(List.of("a,b", "c,d"), ((Filter.Condition) and.items().get(0)).value());
        assertEquals("x,y", ((Filter.Condition) and.items().get(1)).value());
        assertEquals("p,q", ((Filter.Condition) ((Filter.Or) and.items().get(2)).items().get(0)).value());
        assertEquals("(,)", ((Filter.Condition) and.items().get(3)).value());
    }

    @Test
    void keepsApostrophesAndBracketsInsideValues() {
        assertEquals("O'Brien", onlyCondition(parser.parse(Showcase.object("pet"), "name[eq]:O'Brien")).value());
        assertEquals("O'Brien", onlyCondition(parser.parse(Showcase.object("pet"), "name[eq]:\"O'Brien\"")).value());
        assertEquals("a[b]:c", onlyCondition(parser.parse(Showcase.object("pet"), "name[eq]:\"a[b]:c\"")).value());
        assertEquals("", onlyCondition(parser.parse(Showcase.object("pet"), "name[eq]:\"\"")).value());
    }

    @Test
    void trimsSpacesAroundItemsAndValues() {
        Filter filter = parser.parse(Showcase.object("pet"), " and( name[eq]: \"Rex\" , weightKg[gt]: 2 ) ");
        Filter.And and = assertInstanceOf(Filter.And.class, filter);
        assertEquals("Rex", ((Filter.Condition) and.items().get(0)).value());
        assertEquals(2.0, ((Filter.Condition) and.items().get(1)).value());
    }

    @Test
    void acceptsAnEmptyInList() {
        assertEquals(List.of(), onlyCondition(parser.parse(Showcase.object("pet"), "name[in]:[]")).value());
    }

    @Test
    void namesDeletedAtSoThatSoftDeletedRecordsBecomeVisible() {
        assertEquals(true, parser.parse(Showcase.object("pet"), "not(deletedAt[is]:NULL)").mentionsDeletedAt());
        assertEquals(false, parser.parse(Showcase.object("pet"), "name[is]:NULL").mentionsDeletedAt());
    }

    static Stream<Arguments> refusals() {
        String comparators = "eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike";
        return Stream.of(
                // grammar
                arguments("pet", "not(name[eq]:a,name[eq]:b)",
                        "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)"),
                arguments("pet", "and(name[eq]:a", "'filter' invalid. 1 close bracket is missing in the query"),
                arguments("pet", "and(or(name[eq]:a", "'filter' invalid. 2 close brackets are missing in the query"),
                arguments("pet", "name[eq]:a)", "'filter' invalid. 1 open bracket is missing in the query"),
                arguments("pet", "name[eq]:a))", "'filter' invalid. 2 open brackets are missing in the query"),
                arguments("pet", "name[eq]:\"abc", "'filter' invalid. A quote is not closed in the query"),
                arguments("pet", "name=a", "'filter' invalid for 'name=a'. eg: price[gte]:10"),
                arguments("pet", "name[eq]a", "'filter' invalid for 'name[eq]a'. eg: price[gte]:10"),
                arguments("pet", "name[eq]:", "'filter' invalid for 'name[eq]:'. eg: price[gte]:10"),
                arguments("pet", "name[eq]:a,", "'filter' invalid for ''. eg: price[gte]:10"),
                arguments("pet", "and()", "'filter' invalid. 'and' conjunction should contain at least 1 condition"),
                arguments("pet", "   ", "'filter' invalid. The filter is empty. eg: price[gte]:10"),
                arguments("pet", "name[equals]:a", "'filter' invalid for 'name[equals]:a', comparator equals not in " + comparators),
                arguments("pet", "name[regex]:a", "'filter' invalid for 'name[regex]:a', comparator regex not in " + comparators),
                // lists and is
                arguments("pet", "name[in]:a", "'filter' invalid for 'in' operator. Received 'a' but array value expected"
                        + " eg: 'field[in]:[value_1,value_2]'"),
                arguments("pet", "colors[containsAny]:BLACK", "'filter' invalid for 'containsAny' operator. Received 'BLACK'"
                        + " but array value expected eg: 'field[containsAny]:[value_1,value_2]'"),
                arguments("pet", "name[is]:nothing", "'filter' invalid for 'name[is]:nothing', 'is' takes NULL or NOT_NULL, not 'nothing'"),
                // fields
                arguments("pet", "nmae[eq]:a", "'filter' invalid for 'nmae[eq]:a', field 'nmae' does not exist in 'pet' object,"
                        + " did you mean 'name'?"),
                arguments("pet", "zzzzzzzz[eq]:a", "'filter' invalid for 'zzzzzzzz[eq]:a', field 'zzzzzzzz' does not exist in"
                        + " 'pet' object"),
                arguments("person", "company[in]:[\"" + SHELTER_ID + "\"]", "'filter' invalid for 'company[in]:[\"" + SHELTER_ID
                        + "\"]', field 'company' of 'person' is a relation: use its join column 'companyId'"),
                arguments("person", "company.name[eq]:Acme", "'filter' invalid for 'company.name[eq]:Acme', cannot filter or"
                        + " order through the relation 'company': only its join column 'companyId' can be used"),
                arguments("company", "people[is]:NULL", "'filter' invalid for 'people[is]:NULL', field 'people' of 'company'"
                        + " is a ONE_TO_MANY relation: it cannot be used to filter or order"),
                arguments("person", "name[eq]:John", "'filter' invalid for 'name[eq]:John', field 'name' of 'person' is"
                        + " composite: use one of its sub-fields name.firstName, name.lastName"),
                arguments("person", "name.first[eq]:John", "'filter' invalid for 'name.first[eq]:John', field 'name' of"
                        + " 'person' has no sub-field 'first' (sub-fields: name.firstName, name.lastName)"),
                arguments("person", "name.firstNme[eq]:John", "'filter' invalid for 'name.firstNme[eq]:John', field 'name' of"
                        + " 'person' has no sub-field 'firstNme' (sub-fields: name.firstName, name.lastName), did you mean 'firstName'?"),
                arguments("person", "city.name[eq]:Paris", "'filter' invalid for 'city.name[eq]:Paris', field 'city' of"
                        + " 'person' has no sub-fields"),
                arguments("person", "companyId.name[eq]:x", "'filter' invalid for 'companyId.name[eq]:x', join column"
                        + " 'companyId' of 'person' has no sub-fields"),
                arguments("pet", "searchVector[like]:x", "'filter' invalid for 'searchVector[like]:x', field 'searchVector'"
                        + " of type TS_VECTOR cannot be used to filter or order"),
                arguments("pet", "medicalVector[is]:NULL", "'filter' invalid for 'medicalVector[is]:NULL', field"
                        + " 'medicalVector' of type TS_VECTOR cannot be used to filter or order"),
                // comparators against types
                arguments("pet", "weightKg[like]:1", "'filter' invalid for 'weightKg[like]:1', comparator like cannot be used"
                        + " on 'weightKg' of type NUMBER, allowed: eq, neq, in, is, gt, gte, lt, lte"),
                arguments("pet", "isAdopted[gt]:true", "'filter' invalid for 'isAdopted[gt]:true', comparator gt cannot be"
                        + " used on 'isAdopted' of type BOOLEAN, allowed: eq, neq, is"),
                arguments("pet", "species[containsAny]:[DOG]", "'filter' invalid for 'species[containsAny]:[DOG]', comparator"
                        + " containsAny cannot be used on 'species' of type SELECT, allowed: eq, neq, in, is"),
                arguments("pet", "name[containsAny]:[a]", "'filter' invalid for 'name[containsAny]:[a]', comparator"
                        + " containsAny cannot be used on 'name' of type TEXT, allowed: eq, neq, in, is, gt, gte, lt, lte,"
                        + " startsWith, endsWith, like, ilike"),
                arguments("pet", "colors[eq]:BLACK", "'filter' invalid for 'colors[eq]:BLACK', comparator eq cannot be used on"
                        + " 'colors' of type MULTI_SELECT, allowed: containsAny, is"),
                arguments("pet", "tags[eq]:a", "'filter' invalid for 'tags[eq]:a', comparator eq cannot be used on 'tags' of"
                        + " type ARRAY, allowed: containsAny, is"),
                arguments("pet", "traits[eq]:a", "'filter' invalid for 'traits[eq]:a', comparator eq cannot be used on"
                        + " 'traits' of type RAW_JSON, allowed: is, like, ilike"),
                arguments("pet", "ownerEmails.additionalEmails[eq]:a", "'filter' invalid for 'ownerEmails.additionalEmails[eq]:a',"
                        + " comparator eq cannot be used on 'ownerEmails.additionalEmails' of type RAW_JSON, allowed: is, like, ilike"),
                arguments("pet", "birthday[startsWith]:2020", "'filter' invalid for 'birthday[startsWith]:2020', comparator"
                        + " startsWith cannot be used on 'birthday' of type DATE, allowed: eq, neq, in, is, gt, gte, lt, lte"),
                // values
                arguments("pet", "externalId[eq]:x", "invalid input syntax for type uuid: \"x\""),
                arguments("pet", "shelterId[in]:[\"" + SHELTER_ID + "\",nope]", "invalid input syntax for type uuid: \"nope\""),
                arguments("pet", "arrivedAt[gt]:\"yesterday\"", "invalid input syntax for type timestamp with time zone: \"yesterday\""),
                arguments("pet", "birthday[gt]:\"2020-13-01\"", "invalid input syntax for type date: \"2020-13-01\""),
                arguments("pet", "weightKg[gt]:heavy", "invalid input syntax for type double precision: \"heavy\""),
                arguments("pet", "weightKg[gt]:NaN", "invalid input syntax for type double precision: \"NaN\""),
                arguments("pet", "vaccinationCount[eq]:1.5", "invalid input syntax for type integer: \"1.5\""),
                arguments("pet", "vaccinationCount[eq]:3000000000", "value \"3000000000\" is out of range for type integer"),
                arguments("pet", "adoptionFee[eq]:ten", "invalid input syntax for type numeric: \"ten\""),
                arguments("pet", "isAdopted[eq]:yes", "invalid input syntax for type boolean: \"yes\""),
                arguments("pet", "species[eq]:DRAGON", "enum value 'DRAGON' not available in 'species'"),
                arguments("pet", "friendliness[in]:[RATING_1,RATING_9]", "enum value 'RATING_9' not available in 'friendliness'"),
                arguments("pet", "colors[containsAny]:[BLACK,PURPLE]", "enum value 'PURPLE' not available in 'colors'"),
                arguments("pet", "createdBy.source[eq]:ROBOT", "enum value 'ROBOT' not available in 'createdBy.source'"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void refusesWithTheExactMessage(String object, String filter, String message) {
        ApiException error = assertThrows(ApiException.class, () -> parser.parse(Showcase.object(object), filter));
        assertEquals(400, error.status());
        assertEquals("BadRequestException", error.error());
        assertEquals(message, error.getMessage());
    }

    @Test
    void refusesFiltersNestedDeeperThanTheLimit() {
        String ten = "and(".repeat(9) + "or(name[eq]:a)" + ")".repeat(9);
        parser.parse(Showcase.object("pet"), ten);
        String eleven = "and(" + ten + ")";
        ApiException error = assertThrows(ApiException.class, () -> parser.parse(Showcase.object("pet"), eleven));
        assertEquals("'filter' invalid. Conjunctions are nested more than 10 levels deep", error.getMessage());
        // The implicit root and(...) counts as a level too.
        ApiException implicit = assertThrows(ApiException.class,
                () -> parser.parse(Showcase.object("pet"), ten + ",name[eq]:b"));
        assertEquals(error.getMessage(), implicit.getMessage());
    }

    @Test
    void refusesFiltersLongerThanTheLimit() {
        String atLimit = "name[eq]:\"" + "x".repeat(FilterParser.DEFAULT_MAX_LENGTH - 11) + "\"";
        assertEquals(FilterParser.DEFAULT_MAX_LENGTH, atLimit.length());
        parser.parse(Showcase.object("pet"), atLimit);
        ApiException error = assertThrows(ApiException.class, () -> parser.parse(Showcase.object("pet"), atLimit + " "));
        assertEquals("'filter' invalid. The filter is 10001 characters long, at most 10000 are allowed", error.getMessage());
    }

    @Test
    void refusesListsLongerThanTheLimit() {
        String full = "weightKg[in]:[" + "1,".repeat(499) + "1]";
        assertEquals(500, ((List<?>) onlyCondition(parser.parse(Showcase.object("pet"), full)).value()).size());
        String over = "weightKg[in]:[" + "1,".repeat(500) + "1]";
        ApiException error = assertThrows(ApiException.class, () -> parser.parse(Showcase.object("pet"), over));
        assertEquals("'filter' invalid for '" + over + "', 'in' takes at most 500 values, got 501", error.getMessage());
    }

    @Test
    void takesItsLimitsFromTheConstructor() {
        FilterParser strict = new FilterParser(2, 40, 2);
        strict.parse(Showcase.object("pet"), "or(name[in]:[a,b])");
        strict.parse(Showcase.object("pet"), "or(and(name[eq]:a))");
        assertThrows(ApiException.class, () -> strict.parse(Showcase.object("pet"), "or(and(not(name[eq]:a)))"));
        assertThrows(ApiException.class, () -> strict.parse(Showcase.object("pet"), "name[in]:[a,b,c]"));
        assertThrows(ApiException.class, () -> strict.parse(Showcase.object("pet"), "name[eq]:\"" + "x".repeat(40) + "\""));
    }

    static Filter.Condition onlyCondition(Filter filter) {
        Filter.And and = assertInstanceOf(Filter.And.class, filter);
        assertEquals(1, and.items().size());
        return assertInstanceOf(Filter.Condition.class, and.items().get(0));
    }
}
