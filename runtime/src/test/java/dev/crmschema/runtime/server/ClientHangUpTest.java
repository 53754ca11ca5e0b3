package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.crmschema.runtime.rest.ClientHangUps;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A client that hangs up while its response is being written costs the server no error and no stack trace:
 * one DEBUG line on REST ({@link ClientHangUps}). The client reads the start of a large response through a small
 * receive window, so the server is still writing, then resets the connection.
 */
@ExtendWith(SharedServer.class)
class ClientHangUpTest {
    private static final String INTROSPECTION = "{\"query\":\"{ __schema { types { name description fields { name"
            + " description args { name description } type { name kind ofType { name kind ofType { name } } } } } } }\"}";

    private static final List<String> WRITERS = List.of("dev.crmschema.", "org.glassfish.jersey.", "org.eclipse.jetty.");

    private static TestServer server;
    private final ListAppender<ILoggingEvent> everything = new ListAppender<>();
    private final ListAppender<ILoggingEvent> hangUps = new ListAppender<>();
    private Level hangUpsLevel;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    @BeforeEach
    void listen() {
        everything.start();
        hangUps.start();
        logger(Logger.ROOT_LOGGER_NAME).addAppender(everything);
        Logger hangUpLogger = logger(ClientHangUps.class.getName());
        hangUpsLevel = hangUpLogger.getLevel();
        hangUpLogger.setLevel(Level.DEBUG);
        hangUpLogger.addAppender(hangUps);
    }

    @AfterEach
    void stopListening() {
        logger(Logger.ROOT_LOGGER_NAME).detachAppender(everything);
        Logger hangUpLogger = logger(ClientHangUps.class.getName());
        hangUpLogger.detachAppender(hangUps);
        hangUpLogger.setLevel(hangUpsLevel);
    }

    @Test
    void aRestClientThatHangsUpMidResponseIsADebugLineNotAnError() throws Exception {
        hangUpDuring("GET /rest/open-api/core HTTP/1.1\r\n", "");

        waitFor(Duration.ofSeconds(10), () -> !events(hangUps).isEmpty());
        assertEquals(List.of(), warningsAndErrors());
        List<String> lines = events(hangUps).stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("the client closed its connection before the response to GET /rest/open-api/core was written"),
                lines.get(0));
    }

    @Test
    void aGraphqlClientThatHangsUpMidResponseIsNoError() throws Exception {
        hangUpDuring("POST /graphql HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + INTROSPECTION.length() + "\r\n", INTROSPECTION);

        // Nothing is logged when all is well: give an error the time it would take to appear.
        waitFor(Duration.ofSeconds(2), () -> !warningsAndErrors().isEmpty());
        assertEquals(List.of(), warningsAndErrors());
    }

    /** Sends a request, reads the start of its answer through a small window, then resets the connection. */
    private static void hangUpDuring(String requestLineAndHeaders, String body) throws Exception {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket()) {
            // A small window keeps the server writing its answer (hundreds of kilobytes) while the client waits.
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "Host: " + base.getHost() + "\r\nAuthorization: Bearer " + server.shelterKey
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(12);
            assertEquals("HTTP/1.1 200", new String(start, StandardCharsets.ISO_8859_1));
            socket.setSoLinger(true, 0); // closing now resets the connection
        }
    }

    private static void waitFor(Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    /** From the code that writes responses: ours, Jersey's and Jetty's (not, say, another test's background work). */
    private List<String> warningsAndErrors() {
        return events(everything).stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(event -> WRITERS.stream().anyMatch(event.getLoggerName()::startsWith))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
    }

    /** What {@code appender} has so far. Server threads append under its lock while the test reads. */
    private static List<ILoggingEvent> events(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
