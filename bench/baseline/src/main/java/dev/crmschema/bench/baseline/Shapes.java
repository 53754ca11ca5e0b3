package dev.crmschema.bench.baseline;

import dev.crmschema.bench.baseline.RecordShape.Kind;

/** The records the benchmark's endpoints return, field by field as the standard objects define them. */
final class Shapes {
    static final RecordShape COMPANY = new RecordShape()
            .scalar("id", Kind.UUID)
            .scalar("name", Kind.TEXT)
            .links("domainName")
            .scalar("employees", Kind.INT)
            .links("linkedinLink")
            .links("xLink")
            .composite("annualRecurringRevenue", "amountMicros", Kind.NUMERIC, "currencyCode", Kind.TEXT)
            .composite("address", "addressStreet1", Kind.TEXT, "addressStreet2", Kind.TEXT, "addressCity", Kind.TEXT,
                    "addressState", Kind.TEXT, "addressCountry", Kind.TEXT, "addressPostcode", Kind.TEXT,
                    "addressLat", Kind.DOUBLE, "addressLng", Kind.DOUBLE)
            .scalar("idealCustomerProfile", Kind.BOOLEAN)
            .scalar("accountOwnerId", Kind.UUID)
            .system();

    static final RecordShape PERSON = new RecordShape()
            .scalar("id", Kind.UUID)
            .composite("name", "firstName", Kind.TEXT, "lastName", Kind.TEXT)
            .composite("emails", "primaryEmail", Kind.TEXT, "additionalEmails", Kind.JSONB)
            .links("linkedinLink")
            .links("xLink")
            .scalar("jobTitle", Kind.TEXT)
            .composite("phones", "primaryPhoneNumber", Kind.TEXT, "primaryPhoneCountryCode", Kind.TEXT,
                    "primaryPhoneCallingCode", Kind.TEXT, "additionalPhones", Kind.JSONB)
            .scalar("city", Kind.TEXT)
            .scalar("avatarUrl", Kind.TEXT)
            .scalar("companyId", Kind.UUID)
            .relation("company")
            .relation("pointOfContactForOpportunities")
            .relation("noteTargets")
            .relation("taskTargets")
            .relation("attachments")
            .system();

    static final RecordShape OPPORTUNITY = new RecordShape()
            .scalar("id", Kind.UUID)
            .scalar("name", Kind.TEXT)
            .composite("amount", "amountMicros", Kind.NUMERIC, "currencyCode", Kind.TEXT)
            .scalar("closeDate", Kind.TIMESTAMP)
            .scalar("stage", Kind.TEXT)
            .scalar("pointOfContactId", Kind.UUID)
            .scalar("companyId", Kind.UUID)
            .scalar("ownerId", Kind.UUID)
            .system();

    static final RecordShape NOTE_TARGET = target("noteId");

    static final RecordShape TASK_TARGET = target("taskId");

    static final RecordShape ATTACHMENT = new RecordShape()
            .scalar("id", Kind.UUID)
            .scalar("name", Kind.TEXT)
            .scalar("fullPath", Kind.TEXT)
            .scalar("fileCategory", Kind.TEXT)
            .scalar("authorId", Kind.UUID)
            .scalar("taskId", Kind.UUID)
            .scalar("noteId", Kind.UUID)
            .scalar("personId", Kind.UUID)
            .scalar("companyId", Kind.UUID)
            .scalar("opportunityId", Kind.UUID)
            .system();

    private Shapes() {}

    private static RecordShape target(String ownerColumn) {
        return new RecordShape()
                .scalar("id", Kind.UUID)
                .scalar(ownerColumn, Kind.UUID)
                .scalar("personId", Kind.UUID)
                .scalar("companyId", Kind.UUID)
                .scalar("opportunityId", Kind.UUID)
                .system();
    }
}
