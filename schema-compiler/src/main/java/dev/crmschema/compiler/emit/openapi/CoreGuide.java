package dev.crmschema.compiler.emit.openapi;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown guide in {@code info.description} of the core document: authentication, the filter
 * grammar with every comparator, ordering, pagination, depth and limits (contract sections 1 and 8).
 */
final class CoreGuide {
    private CoreGuide() {}

    static String markdown(Workspace workspace) {
        List<String> lines = new ArrayList<>();
        lines.add("The REST API of the **" + workspace.displayName() + "** workspace: one set of routes per object, "
                + "named after the object's plural name.");
        workspace.description().ifPresent(d -> lines.addAll(List.of("", d)));
        authentication(lines);
        objects(lines, workspace);
        filtering(lines);
        ordering(lines);
        pagination(lines);
        depth(lines);
        limits(lines);
        return String.join("\n", lines);
    }

    private static void authentication(List<String> lines) {
        lines.addAll(List.of("", "## Authentication", "",
                "Send an API key of the workspace in every request: `Authorization: Bearer <API key>`. The key decides "
                        + "the workspace. A missing, malformed, expired or revoked key gets `401`; tokens in the query "
                        + "string are not accepted. Bodies are JSON (`Content-Type: application/json`).",
                "",
                "Errors always have the same body: "
                        + "`{\"statusCode\": 400, \"error\": \"BadRequestException\", \"messages\": [\"...\"]}`."));
    }

    private static void objects(List<String> lines, Workspace workspace) {
        lines.addAll(List.of("", "## Objects", "", "| Object | Path | Description |", "|---|---|---|"));
        for (ObjectType object : workspace.objects()) {
            lines.add("| " + object.labelSingular() + " | `/" + object.namePlural() + "` | "
                    + object.description().orElse("").replace("|", "\\|") + " |");
        }
    }

    private static void filtering(List<String> lines) {
        lines.addAll(List.of("", "## Filtering", "",
                "`filter` takes conditions written `field[comparator]:value`. Separate conditions with commas when all "
                        + "must hold, or group them with `and(...)`, `or(...)` and `not(...)`, nested as deep as needed; "
                        + "`not(...)` takes exactly one condition. A filter that is not wrapped in a conjunction is "
                        + "read as `and(...)`.",
                "",
                "| Comparator | Meaning | Example |",
                "|---|---|---|",
                "| `eq` | equal | `name[eq]:\"Acme\"` |",
                "| `neq` | not equal | `stage[neq]:WON` |",
                "| `in` | one of a list (brackets required) | `stage[in]:[NEW,MEETING]` |",
                "| `containsAny` | a multi-select holds any of the values | `colors[containsAny]:[BLACK,WHITE]` |",
                "| `is` | is null or not null | `deletedAt[is]:NULL`, `closeDate[is]:NOT_NULL` |",
                "| `gt` | greater than | `employees[gt]:50` |",
                "| `gte` | greater than or equal | `createdAt[gte]:\"2025-01-01T00:00:00Z\"` |",
                "| `lt` | less than | `amount.amountMicros[lt]:1000000000` |",
                "| `lte` | less than or equal | `closeDate[lte]:\"2025-12-31\"` |",
                "| `startsWith` | text starts with | `name[startsWith]:\"Ac\"` |",
                "| `endsWith` | text ends with | `emails.primaryEmail[endsWith]:\"@example.com\"` |",
                "| `like` | SQL pattern, `%` is any text, case-sensitive | `name[like]:\"%Corp%\"` |",
                "| `ilike` | SQL pattern, case-insensitive | `name[ilike]:\"%corp%\"` |",
                "",
                "Values: quote strings and dates with `\"` or `'`; write numbers and booleans bare "
                        + "(`idealCustomerProfile[eq]:true`); `in` and `containsAny` take `[v1,v2]`; `is` takes `NULL` "
                        + "or `NOT_NULL`. Select values must be options of the field.",
                "",
                "Composite fields are filtered by sub-field: `name.firstName[eq]:\"Jane\"`, "
                        + "`emails.primaryEmail[eq]:\"jane@example.com\"`, `amount.currencyCode[eq]:\"EUR\"`. A to-one "
                        + "relation is filtered through its join column: `companyId[eq]:\"<uuid>\"`, `companyId[is]:NULL`; "
                        + "to-many relations cannot be filtered.",
                "",
                "Examples:",
                "",
                "- `filter=or(stage[eq]:NEW,and(amount.amountMicros[gte]:1000000000,closeDate[lt]:\"2025-07-01\"))`",
                "- `filter=not(emails.primaryEmail[ilike]:\"%@example.com\")`",
                "- `filter=deletedAt[is]:NOT_NULL` (soft-deleted records only)",
                "",
                "Soft-deleted records are left out unless the filter mentions `deletedAt`. Field names in the examples "
                        + "are illustrative: use the fields of the object you query."));
    }

    private static void ordering(List<String> lines) {
        lines.addAll(List.of("", "## Ordering", "",
                "`order_by` lists fields, each optionally followed by a direction: `order_by=name[AscNullsLast],createdAt`. "
                        + "Directions: " + backticked(RestContract.ORDER_DIRECTIONS) + "; the default is `"
                        + RestContract.DEFAULT_ORDER_DIRECTION + "`. Composite sub-fields are dotted "
                        + "(`name.lastName[DescNullsLast]`); a whole composite field cannot be ordered by. `id` is always "
                        + "added as the last tie-breaker."));
    }

    private static void pagination(List<String> lines) {
        lines.addAll(List.of("", "## Pagination", "",
                "Lists return `limit` records: " + RestContract.DEFAULT_PAGE_SIZE + " by default, at most "
                        + RestContract.MAX_PAGE_SIZE + " (a larger limit is lowered). The answer carries `totalCount` "
                        + "(every record the filter matches) and `pageInfo`. For the next page pass "
                        + "`starting_after=<pageInfo.endCursor>`; for the previous one `ending_before=<pageInfo.startCursor>`. "
                        + "Keep `filter` and `order_by` the same while paging."));
    }

    private static void depth(List<String> lines) {
        lines.addAll(List.of("", "## Depth and fields", "",
                "`depth=0` (the default) returns fields and join columns (`companyId`). `depth=1` also returns related "
                        + "records: a to-one relation as an object, a to-many relation as a list of at most "
                        + RestContract.MAX_NESTED_RECORDS + " records. Nested records carry no relations of their own. "
                        + "`fields=id,name,company` returns only the listed fields (`id` always comes back)."));
    }

    private static void limits(List<String> lines) {
        lines.addAll(List.of("", "## Limits", "",
                "- A batch create (`POST /batch/{object}`) takes at most " + RestContract.MAX_BATCH_RECORDS
                        + " records per request.",
                "- Updates, deletes and restores by filter touch at most " + RestContract.MAX_AFFECTED_RECORDS
                        + " records; when more match, nothing changes and the answer is `400`. They require a `filter`.",
                "- `DELETE` destroys records for good unless `soft_delete=true`; soft-deleted records can be restored.",
                "- Each API key may make " + RestContract.RATE_LIMIT_PER_MINUTE + " calls per minute by default; "
                        + "beyond that the answer is `429`."));
    }

    private static String backticked(List<String> words) {
        return String.join(", ", words.stream().map(w -> "`" + w + "`").toList());
    }
}
