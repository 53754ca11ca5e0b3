package dev.crmschema.runtime.limits;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmschema.runtime.request.FilterParser;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code limits} section of the server's configuration: what one API key may ask of the server, and how
 * many requests of all keys together it works on at once.
 *
 * <pre>
 * limits:
 *   rateLimit: 100          # calls per window per key, unless the key or its workspace sets its own
 *   rateLimitWindow: 1 minute
 *   maxRequestBody: 1 MiB   # larger bodies get 413
 *   filterMaxDepth: 10      # nested and/or/not levels in a REST filter
 *   filterMaxLength: 10000  # characters in a REST filter
 *   filterMaxListItems: 500 # values in an in/containsAny list
 *   maxConcurrentRequests: 6 # API requests served at once (default: three per processor); the others wait
 *   maxQueuedRequests: 1024  # requests that may wait; beyond them, 503
 * </pre>
 */
public class LimitsConfiguration {
    @Min(1)
    private int rateLimit = 100;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration rateLimitWindow = Duration.minutes(1);

    @NotNull
    @MinDataSize(1024)
    private DataSize maxRequestBody = DataSize.mebibytes(1);

    @Min(1)
    @Max(100)
    private int filterMaxDepth = FilterParser.DEFAULT_MAX_DEPTH;

    @Min(1)
    private int filterMaxLength = FilterParser.DEFAULT_MAX_LENGTH;

    @Min(1)
    private int filterMaxListItems = FilterParser.DEFAULT_MAX_LIST_ITEMS;

    @Min(1)
    private Integer maxConcurrentRequests;

    @Min(0)
    private int maxQueuedRequests = 1024;

    /** A filter parser with these limits. */
    public FilterParser filterParser() {
        return new FilterParser(filterMaxDepth, filterMaxLength, filterMaxListItems);
    }

    @JsonProperty
    public int getRateLimit() {
        return rateLimit;
    }

    @JsonProperty
    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    @JsonProperty
    public Duration getRateLimitWindow() {
        return rateLimitWindow;
    }

    @JsonProperty
    public void setRateLimitWindow(Duration rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    @JsonProperty
    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    @JsonProperty
    public void setMaxRequestBody(DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }

    @JsonProperty
    public int getFilterMaxDepth() {
        return filterMaxDepth;
    }

    @JsonProperty
    public void setFilterMaxDepth(int filterMaxDepth) {
        this.filterMaxDepth = filterMaxDepth;
    }

    @JsonProperty
    public int getFilterMaxLength() {
        return filterMaxLength;
    }

    @JsonProperty
    public void setFilterMaxLength(int filterMaxLength) {
        this.filterMaxLength = filterMaxLength;
    }

    @JsonProperty
    public int getFilterMaxListItems() {
        return filterMaxListItems;
    }

    @JsonProperty
    public void setFilterMaxListItems(int filterMaxListItems) {
        this.filterMaxListItems = filterMaxListItems;
    }

    /** The configured {@code maxConcurrentRequests}, or three per processor when none is. */
    public int concurrentRequests() {
        return maxConcurrentRequests != null ? maxConcurrentRequests : 3 * Runtime.getRuntime().availableProcessors();
    }

    @JsonProperty
    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    @JsonProperty
    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    @JsonProperty
    public int getMaxQueuedRequests() {
        return maxQueuedRequests;
    }

    @JsonProperty
    public void setMaxQueuedRequests(int maxQueuedRequests) {
        this.maxQueuedRequests = maxQueuedRequests;
    }
}
