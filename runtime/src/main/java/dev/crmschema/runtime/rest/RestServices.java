package dev.crmschema.runtime.rest;

import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.query.RecordCounts;
import dev.crmschema.runtime.request.FilterParser;
import java.time.Clock;

/** What every REST endpoint shares: the database, the clock, the configured limits and the counts of lists kept. */
public record RestServices(Database database, Clock clock, int batchMaxRecords, FilterParser filterParser, RecordCounts counts) {

    /** With the filter parser's default limits. */
    public RestServices(Database database, Clock clock, int batchMaxRecords) {
        this(database, clock, batchMaxRecords, new FilterParser(), new RecordCounts());
    }
}
