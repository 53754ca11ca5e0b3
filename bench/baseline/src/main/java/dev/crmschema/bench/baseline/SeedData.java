package dev.crmschema.bench.baseline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Bulk data for the REST benchmark, straight into one workspace's tables with set-based SQL: companies
 * with most fields filled, and people spread evenly over them (each person's {@code companyId} set).
 *
 * <p>Usage: {@code SeedData --jdbc-url URL [--workspace demo] [--companies 10000] [--people 50000]}.
 */
public final class SeedData {
    private SeedData() {}

    public static void main(String[] args) throws Exception {
        String url = null;
        String workspace = "demo";
        int companies = 10_000;
        int people = 50_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--jdbc-url" -> url = args[i + 1];
                case "--workspace" -> workspace = args[i + 1];
                case "--companies" -> companies = Integer.parseInt(args[i + 1]);
                case "--people" -> people = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            String schema = schemaOf(connection, workspace);
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                int insertedCompanies = sql.executeUpdate(companies(schema, companies));
                int insertedPeople = sql.executeUpdate(people(schema, people, insertedCompanies));
                connection.commit();
                sql.execute("ANALYZE \"" + schema + "\".company");
                sql.execute("ANALYZE \"" + schema + "\".person");
                connection.commit();
                // Load far beyond 100 calls a minute is the point here: lift the workspace's limit (the server
                // still counts every call, as it would for any key).
                sql.executeUpdate("UPDATE core.workspace SET rate_limit = 2000000000 WHERE schema_name = '" + schema + "'");
                connection.commit();
                System.out.println("seeded " + insertedCompanies + " companies and " + insertedPeople + " people into " + schema);
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

    private static String companies(String schema, int count) {
        return """
                INSERT INTO "%1$s".company ("name", "domainNamePrimaryLinkUrl", "domainNamePrimaryLinkLabel",
                  "domainNameSecondaryLinks", "employees", "linkedinLinkPrimaryLinkUrl", "annualRecurringRevenueAmountMicros",
                  "annualRecurringRevenueCurrencyCode", "addressAddressStreet1", "addressAddressCity", "addressAddressCountry",
                  "addressAddressPostcode", "idealCustomerProfile", "position", "createdBySource", "createdByName", "createdByContext")
                SELECT 'Bench company ' || g, 'https://bench-company-' || g || '.example', '', '[]'::jsonb, 1 + g %% 5000,
                  'https://www.linkedin.com/company/bench-' || g, (g %% 1000) * 1000000000::numeric, 'USD', g || ' Main Street',
                  'City ' || g %% 300, 'Country ' || g %% 40, lpad((g %% 99999)::text, 5, '0'), g %% 7 = 0, g,
                  'IMPORT', 'Benchmark seed', '{}'::jsonb
                FROM generate_series(1, %2$d) AS g
                """.formatted(schema, count);
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
}
