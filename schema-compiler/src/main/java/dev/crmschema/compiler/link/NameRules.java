package dev.crmschema.compiler.link;

import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.naming.ReservedWords;
import dev.crmschema.compiler.syntax.Located;
import dev.crmschema.compiler.syntax.ObjectElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that names are valid identifiers, not reserved, and stay distinct after they are turned
 * into Java, GraphQL, SQL and OpenAPI names.
 */
final class NameRules {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-zA-Z0-9]*");
    /** PostgreSQL silently truncates longer identifiers, which would merge distinct names. */
    private static final int MAX_SQL_IDENTIFIER_BYTES = 63;
    private static final int MAX_NAME_LENGTH = 50;

    /** Type names the GraphQL schema and OpenAPI document define for themselves. */
    private static final Set<String> BUILT_IN_TYPES = Set.of(
            "Query", "Mutation", "Subscription", "String", "Int", "Float", "Boolean", "ID", "UUID", "DateTime", "Date",
            "JSON", "BigFloat", "BigInt", "Position", "Cursor", "ConnectionCursor", "TSVector", "PageInfo",
            "OrderByDirection", "FilterIs", "FullName", "Emails", "Phones", "Links", "Currency", "Address", "Actor",
            "RichTextV2", "ActorSourceEnum", "Error", "Errors", "Object", "Field",
            // GraphQL atomic filters and the fixed classes of the generated GraphQL resolvers
            "UUIDFilter", "StringFilter", "FloatFilter", "IntFilter", "BigIntFilter", "BigFloatFilter", "BooleanFilter",
            "DateTimeFilter", "DateFilter", "RawJsonFilter", "ArrayFilter", "TSVectorFilter", "ActorSourceEnumFilter",
            Names.QUERY_RESOLVER_CLASS, Names.MUTATION_RESOLVER_CLASS, Names.GRAPHQL_BINDINGS_CLASS);

    /** Path segments the REST API uses itself, so no object may take them as its plural. */
    private static final Set<String> RESERVED_PATHS = Set.of("batch", "metadata", "restore", "duplicates", "openApi");

    /** Suffixes of the per-object GraphQL types (contract section 2.3) and OpenAPI schemas (section 9). */
    private static final List<String> TYPE_SUFFIXES = List.of("", "Edge", "Connection", "FilterInput", "OrderByInput",
            "CreateInput", "UpdateInput", "RelationInput", "ConnectInput", "WhereUniqueInput", "ForCreate", "ForUpdate",
            "ForResponse");

    /**
     * Suffixes of the per-object JAX-RS classes (Names.resourceClass, Names.batchResourceClass) and GraphQL
     * relation resolvers (Names.relationResolverClass): objects {@code pet} and {@code petBatch} would
     * otherwise both generate {@code PetBatchResource}.
     */
    private static final List<String> JAVA_CLASS_SUFFIXES = List.of("Resource", "BatchResource", "Resolver");

    private final Diagnostics diagnostics;

    NameRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void checkWorkspaceName(Located<String> name) {
        checkIdentifier(name, "workspace name");
    }

    void checkObjects(List<ObjectElement> objects) {
        Map<String, Located<String>> rootNames = new HashMap<>();
        Map<String, String> typeOwners = new HashMap<>();
        Map<String, Located<String>> classNames = new HashMap<>();
        for (ObjectElement object : objects) {
            Located<String> singular = object.nameSingular();
            Located<String> plural = object.namePlural();
            boolean singularOk = checkIdentifier(singular, "object name") && checkReserved(singular, "object name");
            boolean pluralOk = checkIdentifier(plural, "plural name") && checkReserved(plural, "plural name");
            if (pluralOk && RESERVED_PATHS.contains(plural.value())) {
                diagnostics.error(DiagnosticCode.RESERVED_WORD, plural.location(),
                        "plural name '" + plural.value() + "' is a path segment the REST API uses itself",
                        "choose another plural name");
            }
            if (singular.value().equals(plural.value())) {
                diagnostics.error(DiagnosticCode.PLURAL_EQUALS_SINGULAR, plural.location(),
                        "object '" + singular.value() + "' has the same singular and plural name",
                        "the API needs both: for example '" + singular.value() + "Items' or '" + singular.value() + "s'");
            }
            if (!singularOk || !pluralOk) {
                continue;
            }
            // Root GraphQL fields and REST paths: company/companies must not meet another object's names.
            for (Located<String> name : List.of(singular, plural)) {
                Located<String> previous = rootNames.get(name.value());
                if (previous != null && previous != singular && previous != plural) {
                    diagnostics.error(DiagnosticCode.NAME_COLLISION, name.location(),
                            "name '" + name.value() + "' is already used by another object (at " + previous.location() + ")",
                            "REST paths and GraphQL root fields use both singular and plural names; rename one");
                }
            }
            rootNames.putIfAbsent(singular.value(), singular);
            rootNames.putIfAbsent(plural.value(), plural);
            // Generated type names, and Java class names on case-insensitive file systems.
            String type = Names.pascal(singular.value());
            for (String suffix : Stream.concat(TYPE_SUFFIXES.stream(), JAVA_CLASS_SUFFIXES.stream()).toList()) {
                String generated = type + suffix;
                String owner = typeOwners.putIfAbsent(generated, singular.value());
                if (BUILT_IN_TYPES.contains(generated)) {
                    diagnostics.error(DiagnosticCode.NAME_COLLISION, singular.location(),
                            "object '" + singular.value() + "' would generate type '" + generated + "', which the API defines itself",
                            "rename the object");
                } else if (owner != null && !owner.equals(singular.value())) {
                    diagnostics.error(DiagnosticCode.NAME_COLLISION, singular.location(),
                            "object '" + singular.value() + "' would generate type '" + generated + "', as object '" + owner + "' does",
                            "rename one of the two objects");
                }
            }
            Located<String> sameClass = classNames.putIfAbsent(type.toLowerCase(Locale.ROOT), singular);
            if (sameClass != null && !sameClass.value().equals(singular.value())) {
                diagnostics.error(DiagnosticCode.NAME_COLLISION, singular.location(),
                        "objects '" + sameClass.value() + "' and '" + singular.value()
                                + "' differ only in case, so their Java classes would clash on case-insensitive file systems",
                        "rename one of them");
            }
        }
    }

    /**
     * Types generated per field (enums of SELECT fields and their filters, where-inputs of unique composites)
     * must not meet another object's or field's generated type: {@code company.tier} makes
     * {@code CompanyTierEnum}, which an object named {@code companyTierEnum} would also make.
     */
    void checkGeneratedTypes(List<ObjectType> objects) {
        Map<String, String> owners = new HashMap<>();
        for (ObjectType object : objects) {
            for (String suffix : Stream.concat(TYPE_SUFFIXES.stream(), JAVA_CLASS_SUFFIXES.stream()).toList()) {
                owners.put(Names.type(object) + suffix, "object '" + object.nameSingular() + "'");
            }
        }
        for (ObjectType object : objects) {
            for (Field field : object.fields()) {
                for (String generated : fieldTypes(object, field)) {
                    String owner = "field '" + object.nameSingular() + "." + field.name() + "'";
                    String previous = BUILT_IN_TYPES.contains(generated) ? "the API itself" : owners.putIfAbsent(generated, owner);
                    if (previous != null && !previous.equals(owner)) {
                        diagnostics.error(DiagnosticCode.NAME_COLLISION, field.location(),
                                owner + " would generate GraphQL type '" + generated + "', which " + previous + " also defines",
                                "rename the field or the object");
                    }
                }
            }
        }
    }

    private static List<String> fieldTypes(ObjectType object, Field field) {
        List<String> types = new ArrayList<>();
        if (field.kind().isEnum()) {
            String enumType = Names.enumType(object, field);
            types.add(enumType);
            types.add(Names.enumFilterType(enumType));
        }
        if (field.isUnique() && field.kind().isComposite()) {
            types.add(Names.whereInputType(object, field));
        }
        return types;
    }

    void checkFieldName(Located<String> name, String objectName) {
        if (checkIdentifier(name, "field name")) {
            checkReserved(name, "field name");
        }
    }

    /** Columns must be unique per table (also once upper-cased into jOOQ constants) and fit PostgreSQL. */
    void checkColumns(ObjectElement object, String table, List<Field> fields) {
        checkSqlLength(object.nameSingular(), table, "table");
        Map<String, String> byExact = new HashMap<>();
        Map<String, String> byConstant = new HashMap<>();
        for (Field field : fields) {
            Located<String> at = new Located<>(field.name(), field.location());
            for (Column column : field.columns()) {
                checkSqlLength(at, column.name(), "column");
                column.enumType().ifPresent(e -> checkSqlLength(at, e, "enum type"));
                String owner = byExact.putIfAbsent(column.name(), field.name());
                if (owner != null && !owner.equals(field.name())) {
                    diagnostics.error(DiagnosticCode.NAME_COLLISION, field.location(),
                            "field '" + field.name() + "' needs column '" + column.name() + "', which field '" + owner
                                    + "' of '" + object.nameSingular().value() + "' already uses",
                            "rename one of the two fields");
                    continue;
                }
                String constant = Names.upperSnake(column.name());
                String constantOwner = byConstant.putIfAbsent(constant, column.name());
                if (constantOwner != null && !constantOwner.equals(column.name())) {
                    diagnostics.error(DiagnosticCode.NAME_COLLISION, field.location(),
                            "columns '" + constantOwner + "' and '" + column.name() + "' both become Java constant '" + constant + "'",
                            "rename field '" + field.name() + "'");
                }
            }
        }
        for (Field field : fields) {
            if (field.isOneToMany() && byExact.containsKey(field.name())) {
                diagnostics.error(DiagnosticCode.NAME_COLLISION, field.location(),
                        "relation '" + field.name() + "' has the same name as column '" + field.name() + "' of field '"
                                + byExact.get(field.name()) + "'",
                        "rename one of them");
            }
        }
    }

    private boolean checkIdentifier(Located<String> name, String what) {
        String value = name.value();
        if (!IDENTIFIER.matcher(value).matches()) {
            diagnostics.error(DiagnosticCode.INVALID_IDENTIFIER, name.location(),
                    what + " '" + value + "' is not a valid identifier: use camelCase letters and digits, starting with a lower-case letter",
                    suggestion(value).map(s -> "did you mean '" + s + "'?").orElse(null));
            return false;
        }
        if (value.length() > MAX_NAME_LENGTH) {
            diagnostics.error(DiagnosticCode.INVALID_IDENTIFIER, name.location(),
                    what + " '" + value + "' is longer than " + MAX_NAME_LENGTH + " characters", "shorten it");
            return false;
        }
        return true;
    }

    private boolean checkReserved(Located<String> name, String what) {
        Optional<String> by = ReservedWords.reservedBy(name.value());
        if (by.isPresent()) {
            diagnostics.error(DiagnosticCode.RESERVED_WORD, name.location(),
                    what + " '" + name.value() + "' is reserved in " + by.get(),
                    "choose another name, for example '" + name.value() + "Value'");
            return false;
        }
        return true;
    }

    private void checkSqlLength(Located<String> at, String identifier, String what) {
        if (identifier.getBytes(StandardCharsets.UTF_8).length > MAX_SQL_IDENTIFIER_BYTES) {
            diagnostics.error(DiagnosticCode.INVALID_IDENTIFIER, at.location(),
                    what + " name '" + identifier + "' is longer than PostgreSQL's " + MAX_SQL_IDENTIFIER_BYTES + " bytes",
                    "shorten the object or field name");
        }
    }

    /** A camelCase rendering of an invalid name, for the hint ("first-name" becomes "firstName"). */
    static Optional<String> suggestion(String value) {
        String[] parts = value.split("[^A-Za-z0-9]+");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? part.substring(0, 1).toLowerCase(Locale.ROOT) + part.substring(1)
                    : Names.pascal(part.toLowerCase(Locale.ROOT).equals(part) ? part : part));
        }
        String result = out.toString();
        if (result.isEmpty() || !IDENTIFIER.matcher(result).matches() || result.equals(value)) {
            return Optional.empty();
        }
        return Optional.of(result);
    }
}
