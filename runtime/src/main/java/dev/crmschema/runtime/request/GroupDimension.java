package dev.crmschema.runtime.request;

import java.time.ZoneId;
import java.util.Optional;

/**
 * One dimension of a group-by: a column ({@code stage}, {@code address.addressCity}, {@code companyId})
 * and, for dates and timestamps, an optional granularity with the time zone its buckets are cut in.
 */
public record GroupDimension(FieldPath path, Optional<DateGranularity> granularity, ZoneId timeZone) {}
