package dev.crmschema.bench.baseline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Bulk data for the benchmarks, straight into one workspace's tables with set-based SQL: companies with
 * most fields filled, people spread evenly over them (each person's {@code companyId} set), and
 * opportunities spread over the companies, each with one of those people as point of contact.
 *
 * <p>Usage: {@code SeedData --jdbc-url URL [--workspace demo] [--companies 10000] [--people 50000]
 * [--opportunities 20000] [--first-company 1]}. {@code --first-company} numbers the companies of a later
 * top-up (names and domains must stay unique), for example {@code --first-company 10001 --companies 90000
 * --people 0 --opportunities 0} grows the table to 100,000 companies.
 */
public final class SeedData {
    private SeedData() {}

    public static void main(String[] args) throws Exception {
        String url = null;
        String workspace = "demo";
        int companies = 10_000;
        int people = 50_000;
        int opportunities = 20_000;
        int firstCompany = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--jdbc-url" -> url = args[i + 1];
                case "--workspace" -> workspace = args[i + 1];
                case "--companies" -> companies = Integer.parseInt(args[i + 1]);
                case "--people" -> people = Integer.parseInt(args[i + 1]);
                case "--opportunities" -> opportunities = Integer.parseInt(args[i + 1]);
                case "--first-company" -> firstCompany = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            String schema = schemaOf(connection, workspace);
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                int insertedCompanies = sql.executeUpdate(companies(schema, firstCompany, companies));
                int insertedPeople = people == 0 ? 0 : sql.executeUpdate(people(schema, people, insertedCompanies));
                int insertedOpportunities = opportunities == 0 ? 0
                        : sql.executeUpdate(opportunities(schema, opportunities, insertedCompanies, insertedPeople));
                connection.commit();
                for (String table : List.of("company", "person", "opportunity")) {
                    sql.execute("ANALYZE \"" + schema + "\"." + table);
                }
                connection.commit();
                // Load far beyond 100 calls a minute is the point here: lift the workspace's limit (the server
                // still counts every call, as it would for any key).
                sql.executeUpdate("UPDATE core.workspace SET rate_limit = 2000000000 WHERE schema_name = '" + schema + "'");
                connection.commit();
                System.out.println("seeded " + insertedCompanies + " companies, " + insertedPeople + " people and "
                        + insertedOpportunities + " opportunities into " + schema);
            }
        }
    }

    private static String schemaOf(Connection connection, String workspace) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT schema_name FROM core.workspace WHERE name = ?")) {
            select.setString(1, workspace);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no workspace named " + workspace);
                }
                return row.getString(1);
            }
        }
    }

    private static String companies(String schema, int first, int count) {
        return """
                INSERT INTO "%1$s".company ("name", "domainNamePrimaryLinkUrl", "domainNamePrimaryLinkLabel",
                  "domainNameSecondaryLinks", "employees", "linkedinLinkPrimaryLinkUrl", "annualRecurringRevenueAmountMicros",
                  "annualRecurringRevenueCurrencyCode", "addressAddressStreet1", "addressAddressCity", "addressAddressCountry",
                  "addressAddressPostcode", "idealCustomerProfile", "position", "createdBySource", "createdByName", "createdByContext")
                SELECT 'Bench company ' || g, 'https://bench-company-' || g || '.example', '', '[]'::jsonb, 1 + g %% 5000,
                  'https://www.linkedin.com/company/bench-' || g, (g %% 1000) * 1000000000::numeric, 'USD', g || ' Main Street',
                  'City ' || g %% 300, 'Country ' || g %% 40, lpad((g %% 99999)::text, 5, '0'), g %% 7 = 0, g,
                  'IMPORT', 'Benchmark seed', '{}'::jsonb
                FROM generate_series(%3$d, %3$d + %2$d - 1) AS g
                """.formatted(schema, count, first);
    }

    /**
     * Person g works at the (g mod companies)-th bench company in id order. The modulus is a constant so
     * that the join is a hash join, not a nested loop over every pair.
     */
    private static String people(String schema, int count, int companies) {
        return """
                WITH numbered AS (
                  SELECT id, row_number() OVER (ORDER BY id) - 1 AS n
                  FROM "%1$s".company WHERE "createdByName" = 'Benchmark seed')
                INSERT INTO "%1$s".person ("nameFirstName", "nameLastName", "emailsPrimaryEmail", "emailsAdditionalEmails",
                  "jobTitle", "phonesPrimaryPhoneNumber", "phonesPrimaryPhoneCountryCode", "phonesPrimaryPhoneCallingCode",
                  "phonesAdditionalPhones", "city", "companyId", "position", "createdBySource", "createdByName", "createdByContext")
                SELECT 'First' || g, 'Last' || g, 'person' || g || '@bench.example', '[]'::jsonb, 'Job ' || g %% 50,
                  lpad((g %% 10000000)::text, 7, '0'), 'US', '+1', '[]'::jsonb, 'City ' || g %% 300, numbered.id, g,
                  'IMPORT', 'Benchmark seed', '{}'::jsonb
                FROM generate_series(1, %2$d) AS g
                JOIN numbered ON numbered.n = g %% %3$d
                """.formatted(schema, count, companies);
    }

    /**
     * Opportunity g belongs to the (g mod companies)-th bench company and has the (g mod people)-th bench
     * person as point of contact, both in id order (constant moduli again, for hash joins).
     */
    private static String opportunities(String schema, int count, int companies, int people) {
        return """
                WITH companies AS (
                  SELECT id, row_number() OVER (ORDER BY id) - 1 AS n
                  FROM "%1$s".company WHERE "createdByName" = 'Benchmark seed'),
                people AS (
                  SELECT id, row_number() OVER (ORDER BY id) - 1 AS n
                  FROM "%1$s".person WHERE "createdByName" = 'Benchmark seed')
                INSERT INTO "%1$s".opportunity ("name", "amountAmountMicros", "amountCurrencyCode", "closeDate", "stage",
                  "companyId", "pointOfContactId", "position", "createdBySource", "createdByName", "createdByContext")
                SELECT 'Bench deal ' || g, (g %% 500) * 1000000000::numeric, 'USD',
                  timestamptz '2026-01-01 00:00:00+00' + (g %% 365) * interval '1 day',
                  (ARRAY['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'])[1 + g %% 5]::"%1$s".opportunity_stage_enum,
                  companies.id, people.id, g, 'IMPORT', 'Benchmark seed', '{}'::jsonb
                FROM generate_series(1, %2$d) AS g
                JOIN companies ON companies.n = g %% %3$d
                LEFT JOIN people ON people.n = g %% %4$d
                """.formatted(schema, count, companies, Math.max(people, 1));
    }
}
