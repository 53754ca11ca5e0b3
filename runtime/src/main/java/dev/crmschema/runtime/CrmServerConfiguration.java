package dev.crmschema.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmschema.runtime.db.DatabaseConfiguration;
import dev.crmschema.runtime.graphql.GraphqlConfiguration;
import dev.crmschema.runtime.limits.LimitsConfiguration;
import dev.crmschema.runtime.workspace.CompiledModelCache;
import dev.crmschema.runtime.workspace.ModelClasses;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/** The server's configuration file: Dropwizard's server and logging sections, plus these. */
public class CrmServerConfiguration extends Configuration {
    @Valid
    @NotNull
    private DatabaseConfiguration database = new DatabaseConfiguration();

    /** Rate limit, request size and filter limits. */
    @Valid
    @NotNull
    private LimitsConfiguration limits = new LimitsConfiguration();

    /** Most records one batch request may create (reference default 60). */
    @Min(1)
    @Max(10_000)
    private int batchMaxRecords = 60;

    @Valid
    @NotNull
    private GraphqlConfiguration graphql = new GraphqlConfiguration();

    /**
     * A folder where the classes compiled for each model are kept, so that the next start loads them instead
     * of compiling them ({@link CompiledModelCache}); none when unset.
     */
    private String modelClassCache;

    @JsonProperty
    public DatabaseConfiguration getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseConfiguration database) {
        this.database = database;
    }

    @JsonProperty
    public LimitsConfiguration getLimits() {
        return limits;
    }

    @JsonProperty
    public void setLimits(LimitsConfiguration limits) {
        this.limits = limits;
    }

    @JsonProperty
    public int getBatchMaxRecords() {
        return batchMaxRecords;
    }

    @JsonProperty
    public void setBatchMaxRecords(int batchMaxRecords) {
        this.batchMaxRecords = batchMaxRecords;
    }

    @JsonProperty
    public GraphqlConfiguration getGraphql() {
        return graphql;
    }

    @JsonProperty
    public void setGraphql(GraphqlConfiguration graphql) {
        this.graphql = graphql;
    }

    @JsonProperty
    public String getModelClassCache() {
        return modelClassCache;
    }

    @JsonProperty
    public void setModelClassCache(String modelClassCache) {
        this.modelClassCache = modelClassCache;
    }

    /** Where models' classes come from, with the configured cache folder if there is one. */
    public ModelClasses modelClasses() {
        return new ModelClasses(CrmServerConfiguration.class.getClassLoader(),
                modelClassCache == null || modelClassCache.isBlank() ? CompiledModelCache.NONE : CompiledModelCache.in(Path.of(modelClassCache)));
    }
}
