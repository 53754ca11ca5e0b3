package dev.crmschema.bench.growth;

import dev.crmschema.runtime.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps the runtime's embedded PostgreSQL running for bench/run-startup.sh, with no server on it: prints
 * {@code JDBC_URL=...} when it is up and stops it when the process is told to end.
 *
 * <p>Usage: {@code PostgresHolder DATA_DIR}.
 */
public final class PostgresHolder {
    private PostgresHolder() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase postgres = EmbeddedDatabase.start(Path.of(args[0]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }, "embedded-postgres-shutdown"));
        System.out.println("JDBC_URL=" + postgres.configuration().getUrl());
        stopped.await();
    }
}
