package dev.crmschema.runtime.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/**
 * Where PostgreSQL is: any server given by JDBC URL and credentials. The {@code demo} command fills
 * these in for its embedded PostgreSQL.
 */
public class DatabaseConfiguration {
    @NotEmpty
    private String url = "jdbc:postgresql://127.0.0.1:5432/crm";

    private String user = "postgres";

    private String password = "";

    @Min(1)
    @Max(200)
    private int maxPoolSize = 10;

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public int getMaxPoolSize() {
        return maxPoolSize;
    }

    @JsonProperty
    public void setMaxPoolSize(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
    }
}
