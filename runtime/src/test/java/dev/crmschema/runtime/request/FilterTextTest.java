package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmschema.runtime.errors.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTextTest {
    @Test
    void splitsAtTopLevelCommasOnly() {
        assertEquals(List.of("a[eq]:1", "b[in]:[1,2]", "or(c[eq]:1,d[eq]:2)", "e[eq]:\"x,y\"", "f[eq]:'p,(q'"),
                FilterText.splitTopLevel("a[eq]:1, b[in]:[1,2],or(c[eq]:1,d[eq]:2) ,e[eq]:\"x,y\",f[eq]:'p,(q'"));
        assertEquals(List.of(""), FilterText.splitTopLevel(""));
        assertEquals(List.of("a", "", "b"), FilterText.splitTopLevel("a,,b"));
    }

    @Test
    void opensQuotesOnlyWhereAValueStarts() {
        // The apostrophe in O'Brien opens nothing, so the comma after it still splits.
        assertEquals(List.of("name[eq]:O'Brien", "city[eq]:x"), FilterText.splitTopLevel("name[eq]:O'Brien,city[eq]:x"));
        assertEquals(List.of("\"a\"", "'b,c'", "d"), FilterText.splitTopLevel("\"a\",'b,c',d"));
    }

    @Test
    void recognisesAConjunctionOnlyWhenItSpansTheWholeText() {
        assertEquals(true, FilterText.isConjunction("and(a[eq]:1)"));
        assertEquals(true, FilterText.isConjunction("or(a[eq]:\")\",b[eq]:2)"));
        assertEquals(true, FilterText.isConjunction("not(and(a[eq]:1))"));
        assertEquals(false, FilterText.isConjunction("and(a[eq]:1),b[eq]:2"));
        assertEquals(false, FilterText.isConjunction("android[eq]:1"));
        assertEquals(false, FilterText.isConjunction("AND(a[eq]:1)"));
        assertEquals(false, FilterText.isConjunction("and (a[eq]:1)"));
    }

    @Test
    void unquotesOnePairOfMatchingQuotes() {
        assertEquals("a", FilterText.unquote("\"a\""));
        assertEquals("a", FilterText.unquote("'a'"));
        assertEquals("'a'", FilterText.unquote("\"'a'\""));
        assertEquals("\"a'", FilterText.unquote("\"a'"));
        assertEquals("", FilterText.unquote("\"\""));
        assertEquals("\"", FilterText.unquote("\""));
        assertEquals("a", FilterText.unquote("a"));
    }

    @Test
    void countsOnlyUnquotedParentheses() {
        FilterText.checkBalanced("and(a[eq]:\"(\",b[eq]:')')");
        assertEquals("'filter' invalid. 1 close bracket is missing in the query",
                assertThrows(ApiException.class, () -> FilterText.checkBalanced("and(a[eq]:\")\"")).getMessage());
        assertEquals("'filter' invalid. A quote is not closed in the query",
                assertThrows(ApiException.class, () -> FilterText.checkBalanced("a[eq]:'x")).getMessage());
    }
}
