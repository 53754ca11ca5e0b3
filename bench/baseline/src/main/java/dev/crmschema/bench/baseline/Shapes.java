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

    /** What the GraphQL workloads select of a company (bench/api/graphql/list-companies.graphql). */
    static final RecordShape COMPANY_CARD = new RecordShape()
            .scalar("id", Kind.UUID)
            .scalar("name", Kind.TEXT)
            .composite("domainName", "primaryLinkUrl", Kind.TEXT)
            .scalar("employees", Kind.INT)
            .composite("address", "addressCity", Kind.TEXT, "addressCountry", Kind.TEXT)
            .scalar("createdAt", Kind.TIMESTAMP);

    /** A company as a GraphQL relation or a created record shows it. */
    static final RecordShape COMPANY_NAME = new RecordShape().scalar("id", Kind.UUID).scalar("name", Kind.TEXT);

    static final RecordShape COMPANY_CREATED = new RecordShape()
            .scalar("id", Kind.UUID).scalar("name", Kind.TEXT).scalar("createdAt", Kind.TIMESTAMP);

    /** A person in bench/api/graphql/people-with-company.graphql; the company slot is filled afterwards. */
    static final RecordShape PERSON_CARD = new RecordShape()
            .scalar("id", Kind.UUID)
            .composite("name", "firstName", Kind.TEXT, "lastName", Kind.TEXT)
            .composite("emails", "primaryEmail", Kind.TEXT)
            .scalar("jobTitle", Kind.TEXT)
            .relation("company");

    /** A company with its people and opportunities in bench/api/graphql/companies-nested.graphql. */
    static final RecordShape COMPANY_NESTED = new RecordShape()
            .scalar("id", Kind.UUID).scalar("name", Kind.TEXT).relation("people").relation("opportunities");

    static final RecordShape PERSON_NESTED = new RecordShape()
            .scalar("id", Kind.UUID)
            .composite("name", "firstName", Kind.TEXT, "lastName", Kind.TEXT)
            .scalar("jobTitle", Kind.TEXT);

    static final RecordShape OPPORTUNITY_NESTED = new RecordShape()
            .scalar("id", Kind.UUID).scalar("name", Kind.TEXT).scalar("stage", Kind.TEXT).scalar("closeDate", Kind.TIMESTAMP);

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
