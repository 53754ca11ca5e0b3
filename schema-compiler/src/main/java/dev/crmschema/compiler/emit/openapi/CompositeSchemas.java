package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.nullable;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.object;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.properties;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.stringEnum;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import java.util.EnumSet;
import java.util.Set;

/**
 * One shared schema per composite field type the workspace uses ({@code Currency}, {@code Emails}, ...),
 * in the JSON form of contract section 4. Sub-fields are all optional and nullable: a partial composite
 * is a valid input, and the server answers unset parts with null.
 */
final class CompositeSchemas {
    private CompositeSchemas() {}

    /** Adds the composite schemas in the order of {@link FieldKind}, so output never depends on field order. */
    static void addTo(ObjectNode schemas, Workspace workspace) {
        Set<FieldKind> used = EnumSet.noneOf(FieldKind.class);
        workspace.objects().forEach(o -> o.fields().forEach(f -> used.add(f.kind())));
        for (FieldKind kind : FieldKind.values()) {
            if (kind.isComposite() && used.contains(kind)) {
                schemas.set(Names.compositeType(kind.name()), schema(kind));
            }
        }
    }

    private static ObjectNode schema(FieldKind kind) {
        ObjectNode schema = object();
        schema.put("title", Names.compositeType(kind.name()));
        schema.put("description", describe(kind));
        for (CompositeProperty property : kind.properties()) {
            properties(schema).set(property.name(), property(kind, property));
        }
        return schema;
    }

    private static ObjectNode property(FieldKind kind, CompositeProperty property) {
        ObjectNode schema = switch (kind.name() + "." + property.name()) {
            case "EMAILS.additionalEmails" -> nullable(array(string()));
            case "PHONES.additionalPhones" -> nullable(array(additionalPhone()));
            case "LINKS.secondaryLinks" -> nullable(array(secondaryLink()));
            case "ACTOR.context" -> nullable(type("object"));
            default -> atomic(property);
        };
        String description = describe(kind, property);
        if (!description.isEmpty()) {
            schema.put("description", description);
        }
        // Who made a record is the server's to say; a client only names the source.
        if (kind == FieldKind.ACTOR && (property.name().equals("workspaceMemberId") || property.name().equals("name"))) {
            schema.put("readOnly", true);
        }
        return schema;
    }

    private static ObjectNode atomic(CompositeProperty property) {
        return switch (property.kind()) {
            case TEXT -> nullable(string());
            case UUID -> nullable(string("uuid"));
            case NUMBER, NUMERIC -> nullable(type("number"));
            case SELECT -> nullable(stringEnum(property.enumValues()));
            default -> throw new IllegalStateException("no schema for composite property kind " + property.kind());
        };
    }

    private static ObjectNode additionalPhone() {
        ObjectNode phone = object();
        properties(phone).set("number", string());
        properties(phone).set("countryCode", string().put("description", "ISO 3166-1 alpha-2 country code, e.g. FR"));
        properties(phone).set("callingCode", string().put("description", "International calling code, e.g. +33"));
        return phone;
    }

    private static ObjectNode secondaryLink() {
        ObjectNode link = object();
        properties(link).set("url", string());
        properties(link).set("label", string());
        return link;
    }

    private static String describe(FieldKind kind) {
        return switch (kind) {
            case CURRENCY -> "An amount of money, stored in micros (amount x 1,000,000) with its currency.";
            case FULL_NAME -> "A person's first and last name.";
            case EMAILS -> "A primary email address and any number of additional ones.";
            case PHONES -> "A primary phone number (number, country code, calling code) and additional numbers.";
            case LINKS -> "A primary link with its label and any number of secondary links.";
            case ADDRESS -> "A postal address with optional coordinates.";
            case ACTOR -> "Who created or changed a record. Only `source` is accepted on input; the server fills the rest.";
            case RICH_TEXT_V2 -> "Rich text, as a BlockNote document (a JSON string) and its Markdown rendering.";
            default -> throw new IllegalArgumentException("not a composite: " + kind);
        };
    }

    private static String describe(FieldKind kind, CompositeProperty property) {
        return switch (kind.name() + "." + property.name()) {
            case "CURRENCY.amountMicros" -> "Amount x 1,000,000: 1500000000 is 1500.00.";
            case "CURRENCY.currencyCode" -> "ISO 4217 currency code, e.g. EUR.";
            case "PHONES.primaryPhoneCountryCode" -> "ISO 3166-1 alpha-2 country code, e.g. FR.";
            case "PHONES.primaryPhoneCallingCode" -> "International calling code, e.g. +33.";
            case "ACTOR.source" -> "Where the record came from.";
            case "ACTOR.workspaceMemberId" -> "The workspace member who acted, when a person did.";
            case "ACTOR.name" -> "Display name of the actor (member name or API key name).";
            case "ACTOR.context" -> "Extra information about the actor.";
            case "RICH_TEXT_V2.blocknote" -> "BlockNote document, serialised as a JSON string.";
            case "RICH_TEXT_V2.markdown" -> "The same content as Markdown.";
            case "ADDRESS.addressLat" -> "Latitude in degrees.";
            case "ADDRESS.addressLng" -> "Longitude in degrees.";
            default -> "";
        };
    }
}
