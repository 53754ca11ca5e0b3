package dev.crmschema.runtime.graphql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.runtime.testing.ExampleWorkspaces;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/** Which queries run without a DataLoader registry: only those that cannot reach a relation field. */
class RelationSelectionsTest {
    private static final RelationSelections STANDARD = standard();

    @Test
    void aQueryOfPlainAndCompositeFieldsCannotLoad() {
        assertFalse(mayLoad("{ companies(first: 20) { edges { node { id name address { addressCity } } } "
                + "pageInfo { hasNextPage } totalCount } }"));
        assertFalse(mayLoad("query ($id: UUID!) { company(filter: {id: {eq: $id}}) { id name domainName { primaryLinkUrl } } }"));
        assertFalse(mayLoad("mutation { createCompany(data: {name: \"Acme\"}) { id name } }"));
    }

    @Test
    void aRelationFieldAtAnyDepthMayLoad() {
        assertTrue(mayLoad("{ people { edges { node { id company { name } } } } }"));
        assertTrue(mayLoad("{ companies { edges { node { staff: people { totalCount } } } } }"));
        assertTrue(mayLoad("mutation { createCompany(data: {name: \"Acme\"}) { id opportunities { totalCount } } }"));
    }

    @Test
    void relationFieldsInFragmentsMayLoad() {
        assertTrue(mayLoad("{ people { edges { node { ...P } } } } fragment P on Person { company { name } }"));
        assertTrue(mayLoad("{ people { edges { node { ... on Person { company { name } } } } } }"));
        // A root field named like a relation is still a root field, but under a fragment of the root it counts.
        assertFalse(mayLoad("{ people { totalCount } }"));
        assertTrue(mayLoad("{ ... on Query { companies { edges { node { people { totalCount } } } } } }"));
    }

    private static boolean mayLoad(String query) {
        return STANDARD.mayLoad(Parser.parse(query));
    }

    private static RelationSelections standard() {
        return new RelationSelections(ExampleWorkspaces.model("standard").objects());
    }
}
