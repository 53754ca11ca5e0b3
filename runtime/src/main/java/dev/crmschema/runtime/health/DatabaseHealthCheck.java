package dev.crmschema.runtime.health;

import com.codahale.metrics.health.HealthCheck;
import dev.crmschema.runtime.db.Database;

/** Healthy when PostgreSQL answers a trivial query. */
public final class DatabaseHealthCheck extends HealthCheck {
    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    protected Result check() {
        database.dsl().fetchValue("SELECT 1");
        return Result.healthy();
    }
}
