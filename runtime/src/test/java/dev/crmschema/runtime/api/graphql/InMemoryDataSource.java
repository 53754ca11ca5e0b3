package dev.crmschema.runtime.api.graphql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.compiler.model.RelationType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link GraphqlDataSource} over records held in memory, for tests only: it proves requests run
 * through the generated resolvers to a data source and back. It understands just enough of the contract
 * for that (filters with {@code eq}, {@code in} and {@code and}; {@code first}; a few aggregates) and
 * throws on anything else, so a test cannot pass by accident. Every call is logged in {@link #calls}.
 */
final class InMemoryDataSource implements GraphqlDataSource {
    private final Workspace workspace;
    private final Map<String, Map<String, Map<String, Object>>> tables = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<Object> inputs = new ArrayList<>();
    /** Whether findMany's records hold their relations (records and pages), as if read along with them. */
    boolean readRelationsAlong;

    InMemoryDataSource(Workspace workspace) {
        this.workspace = workspace;
        workspace.objects().forEach(o -> tables.put(o.nameSingular(), new LinkedHashMap<>()));
    }

    /** Forgets every record and logged call. */
    void clear() {
        tables.values().forEach(Map::clear);
        calls.clear();
        inputs.clear();
        readRelationsAlong = false;
    }

    /** Stores a record as given (keyed by GraphQL field name); returns its id. */
    String put(String object, Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        copy.putIfAbsent("id", UUID.randomUUID().toString());
        table(object).put(copy.get("id").toString(), copy);
        return copy.get("id").toString();
    }

    Map<String, Object> get(String object, String id) {
        return table(object).get(id);
    }

    @Override
    public Page findMany(String object, FindManyArgs args, DataFetchingEnvironment env) {
        log(object + ".findMany", args);
        List<Map<String, Object>> records = select(table(object).values(), args);
        return page(readRelationsAlong ? records.stream().map(r -> withRelations(object, r)).toList() : records, args.first(), env);
    }

    @Override
    public Map<String, Object> findOne(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        log(object + ".findOne", filter);
        return table(object).values().stream().filter(r -> visible(r, filter) && matches(r, filter)).findFirst().orElse(null);
    }

    @Override
    public List<Page> findDuplicates(String object, List<Object> ids, List<Map<String, Object>> data, DataFetchingEnvironment env) {
        throw new UnsupportedOperationException("findDuplicates");
    }

    @Override
    public Map<String, Object> createOne(String object, Map<String, Object> data, boolean upsert, DataFetchingEnvironment env) {
        log(object + ".createOne" + (upsert ? "(upsert)" : ""), data);
        return create(object, data, upsert);
    }

    @Override
    public List<Map<String, Object>> createMany(String object, List<Map<String, Object>> data, boolean upsert,
            DataFetchingEnvironment env) {
        log(object + ".createMany" + (upsert ? "(upsert)" : ""), data);
        return data.stream().map(d -> create(object, d, upsert)).toList();
    }

    @Override
    public Map<String, Object> updateOne(String object, Object id, Map<String, Object> data, DataFetchingEnvironment env) {
        log(object + ".updateOne", data);
        Map<String, Object> record = table(object).get(id.toString());
        if (record != null) {
            record.putAll(data);
        }
        return record;
    }

    @Override
    public List<Map<String, Object>> updateMany(String object, Map<String, Object> data, Map<String, Object> filter,
            DataFetchingEnvironment env) {
        log(object + ".updateMany", filter);
        List<Map<String, Object>> matched = table(object).values().stream().filter(r -> visible(r, filter) && matches(r, filter)).toList();
        matched.forEach(r -> r.putAll(data));
        return matched;
    }

    @Override
    public Map<String, Object> deleteOne(String object, Object id, DataFetchingEnvironment env) {
        log(object + ".deleteOne", id);
        Map<String, Object> record = table(object).get(id.toString());
        if (record != null) {
            record.put("deletedAt", "2026-01-01T00:00:00.000Z");
        }
        return record;
    }

    @Override
    public List<Map<String, Object>> deleteMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        throw new UnsupportedOperationException("deleteMany");
    }

    @Override
    public Map<String, Object> destroyOne(String object, Object id, DataFetchingEnvironment env) {
        log(object + ".destroyOne", id);
        return table(object).remove(id.toString());
    }

    @Override
    public List<Map<String, Object>> destroyMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        throw new UnsupportedOperationException("destroyMany");
    }

    @Override
    public Map<String, Object> restoreOne(String object, Object id, DataFetchingEnvironment env) {
        log(object + ".restoreOne", id);
        Map<String, Object> record = table(object).get(id.toString());
        if (record != null) {
            record.put("deletedAt", null);
        }
        return record;
    }

    @Override
    public List<Map<String, Object>> restoreMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        throw new UnsupportedOperationException("restoreMany");
    }

    @Override
    public CompletableFuture<Map<String, Object>> findRelated(String object, String field, Map<String, Object> source,
            DataFetchingEnvironment env) {
        log(object + "." + field, source.get("id"));
        Relation relation = relation(object, field, RelationType.MANY_TO_ONE);
        Object targetId = source.get(Names.joinColumn(field));
        return CompletableFuture.completedFuture(targetId == null ? null : table(relation.targetObject()).get(targetId.toString()));
    }

    @Override
    public CompletableFuture<Page> findRelatedMany(String object, String field, Map<String, Object> source, FindManyArgs args,
            DataFetchingEnvironment env) {
        log(object + "." + field, source.get("id"));
        Relation relation = relation(object, field, RelationType.ONE_TO_MANY);
        String joinColumn = Names.joinColumn(relation.inverseField());
        List<Map<String, Object>> related = table(relation.targetObject()).values().stream()
                .filter(r -> Objects.equals(r.get(joinColumn), source.get("id"))).toList();
        return CompletableFuture.completedFuture(page(select(related, args), args.first(), env));
    }

    private Map<String, Object> create(String object, Map<String, Object> data, boolean upsert) {
        Object id = data.get("id");
        if (upsert && id != null && table(object).containsKey(id.toString())) {
            Map<String, Object> existing = table(object).get(id.toString());
            existing.putAll(data);
            return existing;
        }
        Map<String, Object> record = new LinkedHashMap<>(data);
        record.putIfAbsent("createdAt", "2026-01-01T00:00:00.000Z");
        record.putIfAbsent("position", 0);
        record.putIfAbsent("createdBy", Map.of("source", "API", "name", "test"));
        return get(object, put(object, record));
    }

    /**
     * A copy of {@code record} holding, under each relation field's name, the record of each MANY_TO_ONE
     * relation and the whole page of each ONE_TO_MANY relation with its totalCount.
     */
    private Map<String, Object> withRelations(String object, Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        for (Field field : workspace.require(object).fields()) {
            Relation relation = field.relation().orElse(null);
            if (relation == null) {
                continue;
            }
            if (field.isManyToOne()) {
                Object targetId = record.get(Names.joinColumn(field.name()));
                copy.put(field.name(), targetId == null ? null : table(relation.targetObject()).get(targetId.toString()));
            } else {
                String joinColumn = Names.joinColumn(relation.inverseField());
                List<Page.Edge> edges = table(relation.targetObject()).values().stream()
                        .filter(r -> visible(r, null) && Objects.equals(r.get(joinColumn), record.get("id")))
                        .map(r -> new Page.Edge(r, "cursor:" + r.get("id"))).toList();
                String start = edges.isEmpty() ? null : edges.get(0).cursor();
                String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
                copy.put(field.name(), new Page(edges, new PageInfo(start, end, false, false), Map.of("totalCount", edges.size())));
            }
        }
        return copy;
    }

    private Relation relation(String object, String field, RelationType type) {
        Field relationField = workspace.require(object).field(field).orElseThrow();
        Relation relation = relationField.relation().orElseThrow();
        if (relation.type() != type) {
            throw new IllegalArgumentException(object + "." + field + " is not " + type);
        }
        return relation;
    }

    private List<Map<String, Object>> select(Iterable<Map<String, Object>> records, FindManyArgs args) {
        if (args.orderBy() != null || args.last() != null || args.offset() != null || args.before() != null || args.after() != null) {
            throw new UnsupportedOperationException("the in-memory data source only pages with 'first'");
        }
        List<Map<String, Object>> matched = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (visible(record, args.filter()) && matches(record, args.filter())) {
                matched.add(record);
            }
        }
        return matched;
    }

    /** Builds the page and the aggregates the client selected, over every matching record. */
    private static Page page(List<Map<String, Object>> matched, Integer first, DataFetchingEnvironment env) {
        List<Map<String, Object>> shown = first == null ? matched : matched.subList(0, Math.min(first, matched.size()));
        List<Page.Edge> edges = shown.stream().map(r -> new Page.Edge(r, "cursor:" + r.get("id"))).toList();
        Map<String, Object> aggregates = new LinkedHashMap<>();
        for (SelectedField selected : env.getSelectionSet().getImmediateFields()) {
            String name = selected.getName();
            if (name.equals("edges") || name.equals("pageInfo") || name.equals("__typename")) {
                continue;
            }
            aggregates.put(name, aggregate(name, matched));
        }
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Page(edges, new PageInfo(start, end, shown.size() < matched.size(), false), aggregates);
    }

    private static Object aggregate(String name, List<Map<String, Object>> records) {
        if (name.equals("totalCount")) {
            return records.size();
        }
        if (name.startsWith("countEmpty")) {
            String field = Names.camel(name.substring("countEmpty".length()));
            return (int) records.stream().filter(r -> r.get(field) == null).count();
        }
        if (name.startsWith("sum")) {
            String field = Names.camel(name.substring("sum".length()));
            return records.stream().map(r -> r.get(field)).filter(Objects::nonNull)
                    .map(v -> new BigDecimal(v.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        throw new UnsupportedOperationException("the in-memory data source cannot compute " + name);
    }

    /** Soft-deleted records stay hidden unless the filter asks about deletedAt (reference contract, section 2.2). */
    private static boolean visible(Map<String, Object> record, Map<String, Object> filter) {
        return record.get("deletedAt") == null || (filter != null && filter.containsKey("deletedAt"));
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> record, Map<String, Object> filter) {
        if (filter == null) {
            return true;
        }
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            if (condition.getKey().equals("and")) {
                for (Object part : (List<Object>) condition.getValue()) {
                    if (!matches(record, (Map<String, Object>) part)) {
                        return false;
                    }
                }
                continue;
            }
            Object value = record.get(condition.getKey());
            for (Map.Entry<String, Object> operator : ((Map<String, Object>) condition.getValue()).entrySet()) {
                boolean holds = switch (operator.getKey()) {
                    case "eq" -> Objects.equals(value, operator.getValue());
                    case "in" -> ((List<Object>) operator.getValue()).contains(value);
                    case "is" -> operator.getValue().equals("NULL") == (value == null);
                    default -> throw new UnsupportedOperationException("operator " + operator.getKey());
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One group of every record, named after the first groupBy entry's field. */
    @Override
    public List<Page> groupBy(String object, List<Map<String, Object>> groupBy, Map<String, Object> filter,
            List<Map<String, Object>> orderBy, List<Map<String, Object>> orderByForRecords, Object viewId, Integer limit,
            DataFetchingEnvironment env) {
        log(object + ".groupBy", groupBy);
        Map<String, Object> aggregates = new LinkedHashMap<>();
        aggregates.put("totalCount", table(object).size());
        aggregates.put("groupByDimensionValues", List.copyOf(groupBy.get(0).keySet()));
        return List.of(new Page(List.of(), new PageInfo(null, null, false, false), aggregates));
    }

    /** Keeps the priority record and removes the others. */
    @Override
    public Map<String, Object> mergeMany(String object, List<Object> ids, int conflictPriorityIndex, boolean dryRun,
            DataFetchingEnvironment env) {
        log(object + ".mergeMany" + (dryRun ? "(dryRun)" : ""), ids);
        Map<String, Object> kept = table(object).get(ids.get(conflictPriorityIndex).toString());
        if (!dryRun) {
            for (int i = 0; i < ids.size(); i++) {
                if (i != conflictPriorityIndex) {
                    table(object).remove(ids.get(i).toString());
                }
            }
        }
        return kept;
    }

    private Map<String, Map<String, Object>> table(String object) {
        Map<String, Map<String, Object>> table = tables.get(object);
        if (table == null) {
            throw new IllegalArgumentException("no object " + object);
        }
        return table;
    }

    private void log(String call, Object input) {
        calls.add(call);
        inputs.add(input);
    }
}
