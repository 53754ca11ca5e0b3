package dev.crmschema.compiler.naming;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every name the emitters use is derived here, once, from the workspace's own names. No emitter
 * builds a name on its own, so the REST paths, GraphQL types, SQL tables and Java classes always agree.
 */
public final class Names {
    private Names() {}

    public static String pascal(String camel) {
        return camel.isEmpty() ? camel : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    public static String camel(String pascal) {
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** {@code annualRecurringRevenue} becomes {@code ANNUAL_RECURRING_REVENUE}. */
    public static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * The camelCase name a label suggests, as the metadata API names the inverse field of a new relation
     * from its label: {@code Point of contact} becomes {@code pointOfContact}. Characters other than ASCII
     * letters and digits separate words; the result may be empty or start with a digit (the linker checks).
     */
    public static String fromLabel(String label) {
        StringBuilder name = new StringBuilder();
        for (String word : label.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(name.length() == 0 ? word.toLowerCase(Locale.ROOT) : pascal(word));
            }
        }
        return name.toString();
    }

    /** Table of an object: standard objects use the singular name, custom ones an underscore prefix. */
    public static String table(String nameSingular, boolean isCustom) {
        return isCustom ? "_" + nameSingular : nameSingular;
    }

    /** Column of a composite sub-field: {@code emails} + {@code primaryEmail} = {@code emailsPrimaryEmail}. */
    public static String compositeColumn(String field, String property) {
        return field + pascal(property);
    }

    public static String joinColumn(String field) {
        return field + "Id";
    }

    /** PostgreSQL enum type of an enum column, as the reference system names it. */
    public static String pgEnum(String table, String column) {
        return table + "_" + column + "_enum";
    }

    // GraphQL and OpenAPI type names

    public static String type(ObjectType object) {
        return pascal(object.nameSingular());
    }

    public static String enumType(ObjectType object, Field field) {
        return type(object) + pascal(field.name()) + "Enum";
    }

    /** GraphQL / OpenAPI name of a composite type: {@code FULL_NAME} becomes {@code FullName}. */
    public static String compositeType(String kindName) {
        StringBuilder out = new StringBuilder();
        for (String part : kindName.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** GraphQL name of a composite type. */
    public static String compositeType(FieldKind kind) {
        return compositeType(kind.name());
    }

    // GraphQL types derived from an object (reference contract, section 2.3)

    public static String edgeType(ObjectType object) {
        return type(object) + "Edge";
    }

    public static String connectionType(ObjectType object) {
        return type(object) + "Connection";
    }

    public static String filterInputType(ObjectType object) {
        return type(object) + "FilterInput";
    }

    public static String orderByInputType(ObjectType object) {
        return type(object) + "OrderByInput";
    }

    /** One group-by dimension of a groupBy query: {@code CompanyGroupByInput}. */
    public static String groupByInputType(ObjectType object) {
        return type(object) + "GroupByInput";
    }

    /** Order of the groups of a groupBy query: {@code CompanyOrderByWithGroupByInput}. */
    public static String orderByWithGroupByInputType(ObjectType object) {
        return type(object) + "OrderByWithGroupByInput";
    }

    /** Order of the groups by an aggregate: {@code CompanyAggregateOrderByInput}. */
    public static String aggregateOrderByInputType(ObjectType object) {
        return type(object) + "AggregateOrderByInput";
    }

    /** One group of a groupBy query: {@code CompanyGroupByConnection}. */
    public static String groupByConnectionType(ObjectType object) {
        return type(object) + "GroupByConnection";
    }

    /** The date buckets of group-by (reference contract, section 1.8). */
    public static final String DATE_GRANULARITY_ENUM = "DateGranularityEnum";

    /** Group-by dimension of a date or timestamp: granularity and time zone. */
    public static final String DATE_GROUP_BY_INPUT = "GroupByDateGranularityInput";

    /** Group-by dimension of a composite field: {@code LinksGroupByInput}. */
    public static String compositeGroupByInputType(FieldKind kind) {
        return compositeType(kind) + "GroupByInput";
    }

    /** Group-by operation names in OpenAPI: {@code groupByCompanies}, {@code mergeCompanies}. */
    public static String groupByOperation(ObjectType o) {
        return "groupBy" + pascal(o.namePlural());
    }

    public static String mergeOperation(ObjectType o) {
        return "merge" + pascal(o.namePlural());
    }

    public static String createInputType(ObjectType object) {
        return type(object) + "CreateInput";
    }

    public static String updateInputType(ObjectType object) {
        return type(object) + "UpdateInput";
    }

    /** {@code { connect: CompanyConnectInput, disconnect: Boolean }}, used where a record points at a Company. */
    public static String relationInputType(ObjectType object) {
        return type(object) + "RelationInput";
    }

    public static String connectInputType(ObjectType object) {
        return type(object) + "ConnectInput";
    }

    public static String whereUniqueInputType(ObjectType object) {
        return type(object) + "WhereUniqueInput";
    }

    /** The unique sub-field of a unique composite field: {@code CompanyDomainNameWhereInput}. */
    public static String whereInputType(ObjectType object, Field field) {
        return type(object) + pascal(field.name()) + "WhereInput";
    }

    /** Filter of an enum type: {@code OpportunityStageEnum} becomes {@code OpportunityStageEnumFilter}. */
    public static String enumFilterType(String enumType) {
        return enumType + "Filter";
    }

    /** Enum of a composite sub-field with fixed values: ACTOR's {@code source} is {@code ActorSourceEnum}. */
    public static String compositeEnumType(FieldKind kind, String property) {
        return compositeType(kind) + pascal(property) + "Enum";
    }

    public static String compositeCreateInputType(FieldKind kind) {
        return compositeType(kind) + "CreateInput";
    }

    public static String compositeUpdateInputType(FieldKind kind) {
        return compositeType(kind) + "UpdateInput";
    }

    public static String compositeFilterInputType(FieldKind kind) {
        return compositeType(kind) + "FilterInput";
    }

    public static String compositeOrderByInputType(FieldKind kind) {
        return compositeType(kind) + "OrderByInput";
    }

    /**
     * Aggregate field of a connection (reference contract, section 2.6): {@code countEmpty} of {@code name}
     * is {@code countEmptyName}; {@code field} may also be a composite column such as {@code amountAmountMicros}.
     */
    public static String aggregate(String operation, String field) {
        return operation + pascal(field);
    }

    // REST and GraphQL operation names (reference contract, sections 1.8 and 2.2)

    /** GraphQL findMany root field: the plural name ({@code companies}). */
    public static String findMany(ObjectType o) {
        return o.namePlural();
    }

    /** GraphQL findOne root field: the singular name ({@code company}). */
    public static String findOne(ObjectType o) {
        return o.nameSingular();
    }

    public static String createOne(ObjectType o) {
        return "create" + pascal(o.nameSingular());
    }

    public static String createMany(ObjectType o) {
        return "create" + pascal(o.namePlural());
    }

    public static String updateOne(ObjectType o) {
        return "update" + pascal(o.nameSingular());
    }

    public static String updateMany(ObjectType o) {
        return "update" + pascal(o.namePlural());
    }

    public static String deleteOne(ObjectType o) {
        return "delete" + pascal(o.nameSingular());
    }

    public static String deleteMany(ObjectType o) {
        return "delete" + pascal(o.namePlural());
    }

    public static String destroyOne(ObjectType o) {
        return "destroy" + pascal(o.nameSingular());
    }

    public static String destroyMany(ObjectType o) {
        return "destroy" + pascal(o.namePlural());
    }

    public static String restoreOne(ObjectType o) {
        return "restore" + pascal(o.nameSingular());
    }

    public static String restoreMany(ObjectType o) {
        return "restore" + pascal(o.namePlural());
    }

    public static String duplicates(ObjectType o) {
        return o.nameSingular() + "Duplicates";
    }

    /** GraphQL groupBy root field: {@code companiesGroupBy}. */
    public static String groupBy(ObjectType o) {
        return o.namePlural() + "GroupBy";
    }

    /** GraphQL merge mutation: {@code mergeCompanies}. */
    public static String mergeMany(ObjectType o) {
        return "merge" + pascal(o.namePlural());
    }

    /** Key of the merged record in the REST merge response: {@code mergeCompany} (reference contract, section 1.8). */
    public static String mergeResponseKey(ObjectType o) {
        return "merge" + pascal(o.nameSingular());
    }

    /** REST sub-path of group-by below {@link #restPath}: {@code groupBy}. */
    public static final String GROUP_BY_SEGMENT = "groupBy";

    /** REST sub-path of merge below {@link #restPath}: {@code merge}. */
    public static final String MERGE_SEGMENT = "merge";

    // REST routes and JAX-RS classes (reference contract, section 1.2)

    /** Route of an object's records: {@code /rest/companies}. */
    public static String restPath(ObjectType o) {
        return "/rest/" + o.namePlural();
    }

    /** Route of an object's batch creation: {@code /rest/batch/companies}. */
    public static String restBatchPath(ObjectType o) {
        return "/rest/batch/" + o.namePlural();
    }

    /** JAX-RS resource class of an object's records: {@code CompanyResource}. */
    public static String resourceClass(ObjectType o) {
        return type(o) + "Resource";
    }

    /** JAX-RS resource class of an object's batch route: {@code CompanyBatchResource}. */
    public static String batchResourceClass(ObjectType o) {
        return type(o) + "BatchResource";
    }

    /** Entry class of a workspace's generated code: {@code showcase} becomes {@code ShowcaseWorkspace}. */
    public static String workspaceClass(String workspaceName) {
        return pascal(workspaceName) + "Workspace";
    }

    // OpenAPI component names and operation ids (reference contract, section 9)

    /** Response record schema: {@code Company}. */
    public static String recordSchema(ObjectType o) {
        return type(o);
    }

    /** Create body schema: {@code CompanyForCreate}. */
    public static String createSchema(ObjectType o) {
        return type(o) + "ForCreate";
    }

    /** Update body schema (every property optional): {@code CompanyForUpdate}. */
    public static String updateSchema(ObjectType o) {
        return type(o) + "ForUpdate";
    }

    public static String findManyOperation(ObjectType o) {
        return "findMany" + pascal(o.namePlural());
    }

    public static String findOneOperation(ObjectType o) {
        return "findOne" + pascal(o.nameSingular());
    }

    public static String createOneOperation(ObjectType o) {
        return "createOne" + pascal(o.nameSingular());
    }

    public static String createManyOperation(ObjectType o) {
        return "createMany" + pascal(o.namePlural());
    }

    public static String updateOneOperation(ObjectType o) {
        return "updateOne" + pascal(o.nameSingular());
    }

    public static String updateManyOperation(ObjectType o) {
        return "updateMany" + pascal(o.namePlural());
    }

    public static String deleteOneOperation(ObjectType o) {
        return "deleteOne" + pascal(o.nameSingular());
    }

    public static String deleteManyOperation(ObjectType o) {
        return "deleteMany" + pascal(o.namePlural());
    }

    public static String restoreOneOperation(ObjectType o) {
        return "restoreOne" + pascal(o.nameSingular());
    }

    public static String restoreManyOperation(ObjectType o) {
        return "restoreMany" + pascal(o.namePlural());
    }

    public static String findDuplicatesOperation(ObjectType o) {
        return "find" + pascal(o.nameSingular()) + "Duplicates";
    }

    /** Default PostgreSQL schema for a workspace when the DDL is run by hand. */
    public static String defaultSchema(String workspaceName) {
        return "workspace_" + workspaceName.toLowerCase(Locale.ROOT);
    }

    // Java names of the GraphQL resolver layer (graphql-java-tools)

    /** Package of a workspace's GraphQL classes, below the workspace's own package. */
    public static String graphqlPackage(String workspacePackage) {
        return workspacePackage + ".graphql";
    }

    /** The class that resolves an object's relation fields ({@code CompanyResolver}). */
    public static String relationResolverClass(ObjectType object) {
        return type(object) + "Resolver";
    }

    public static final String QUERY_RESOLVER_CLASS = "QueryResolver";
    public static final String MUTATION_RESOLVER_CLASS = "MutationResolver";
    /** The one class the runtime loads to wire a workspace's GraphQL resolvers. */
    public static final String GRAPHQL_BINDINGS_CLASS = "WorkspaceGraphql";

    /** Java package segment for a workspace: lower case, so it is a valid package on every file system. */
    public static String packageSegment(String workspaceName) {
        return workspaceName.toLowerCase(Locale.ROOT);
    }

    // SQL constraints and indexes. Names include the table because PostgreSQL index names are unique per schema.

    /** PostgreSQL keeps only the first 63 bytes of an identifier. */
    public static final int MAX_SQL_IDENTIFIER = 63;

    public static String primaryKey(String table) {
        return sqlIdentifier("pk_" + table);
    }

    public static String foreignKey(String table, String column) {
        return sqlIdentifier("fk_" + table + "_" + column);
    }

    /** A plain (or GIN) index on one or more columns. */
    public static String index(String table, List<String> columns) {
        return sqlIdentifier("idx_" + table + "_" + String.join("_", columns));
    }

    /** The index of a table's ids among rows that are not soft-deleted. */
    public static String liveRowsIndex(String table) {
        return sqlIdentifier("idx_" + table + "_live");
    }

    /** A unique index on one column, among rows that are not soft-deleted. */
    public static String uniqueIndex(String table, String column) {
        return sqlIdentifier("uq_" + table + "_" + column);
    }

    /**
     * A name PostgreSQL keeps whole: longer names are cut and end in a hash of the full name, so two
     * long names that share a prefix stay distinct (PostgreSQL itself would silently truncate them).
     */
    static String sqlIdentifier(String name) {
        if (name.length() <= MAX_SQL_IDENTIFIER) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, 8);
        return name.substring(0, MAX_SQL_IDENTIFIER - hash.length() - 1) + "_" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // jOOQ classes

    /**
     * The logical schema of generated jOOQ classes: they never name the real schema, and the runtime
     * maps this one onto each workspace's schema with jOOQ's RenderMapping.
     */
    public static final String JOOQ_SCHEMA = "workspace";

    /** The object a table stores: the inverse of {@link #table(String, boolean)}. */
    public static String objectOfTable(String table) {
        return table.startsWith("_") ? table.substring(1) : table;
    }

    /** jOOQ table class of a table: {@code _pet} becomes {@code Pet}, like the object's type. */
    public static String jooqTableClass(String table) {
        return pascal(objectOfTable(table));
    }

    public static String jooqRecordClass(String table) {
        return jooqTableClass(table) + "Record";
    }

    /** Constant of a table in jOOQ's {@code Tables}: {@code workspaceMember} becomes {@code WORKSPACE_MEMBER}. */
    public static String jooqTableConstant(String table) {
        String constant = upperSnake(objectOfTable(table));
        // Table classes call jOOQ's DSL by its simple name, which a constant DSL would hide (jOOQ renames clashing columns itself).
        return constant.equals("DSL") ? constant + "_" : constant;
    }

    /** Constant of a column, key or index in jOOQ classes: {@code emailsPrimaryEmail} becomes {@code EMAILS_PRIMARY_EMAIL}. */
    public static String jooqConstant(String sqlName) {
        return upperSnake(sqlName);
    }
}
