package dev.crmschema.runtime.rest;

import dev.crmschema.runtime.db.Database;
import java.time.Clock;

/** What every REST endpoint shares: the database, the clock and the configured limits. */
public record RestServices(Database database, Clock clock, int batchMaxRecords) {}
