package dev.crmschema.runtime.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.lifecycle.Managed;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The connection pool and the jOOQ context every part of the runtime shares. */
public final class Database implements Managed, AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    public Database(DatabaseConfiguration configuration) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(configuration.getUrl());
        hikari.setUsername(configuration.getUser());
        hikari.setPassword(configuration.getPassword());
        hikari.setMaximumPoolSize(configuration.getMaxPoolSize());
        hikari.setPoolName("crm");
        // Enum columns receive their values as bind parameters typed by the server, not as varchar.
        hikari.addDataSourceProperty("stringtype", "unspecified");
        this.dataSource = new HikariDataSource(hikari);
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings()
                .withRenderFormatted(false)
                .withExecuteLogging(false));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public void start() {
        // the pool connects lazily; nothing to do
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
