package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.crmschema.runtime.logging.ClientHangUps;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A client that hangs up while its response is being written costs the server one line at DEBUG, not an
 * error with a stack trace ({@link ClientHangUps}). The client reads the start of a large response through a
 * small receive window, so the server is still writing, then resets the connection.
 */
@ExtendWith(SharedServer.class)
class ClientHangUpTest {
    private static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

    private static TestServer server;
    private final ListAppender<ILoggingEvent> jersey = new ListAppender<>();
    private final ListAppender<ILoggingEvent> hangUps = new ListAppender<>();
    private Level hangUpsLevel;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    @BeforeEach
    void listen() {
        jersey.start();
        hangUps.start();
        logger(JERSEY_RESPONDER).addAppender(jersey);
        Logger hangUpLogger = logger(ClientHangUps.class.getName());
        hangUpsLevel = hangUpLogger.getLevel();
        hangUpLogger.setLevel(Level.DEBUG);
        hangUpLogger.addAppender(hangUps);
    }

    @AfterEach
    void stopListening() {
        logger(JERSEY_RESPONDER).detachAppender(jersey);
        Logger hangUpLogger = logger(ClientHangUps.class.getName());
        hangUpLogger.detachAppender(hangUps);
        hangUpLogger.setLevel(hangUpsLevel);
    }

    @Test
    void aClientThatHangsUpMidResponseIsADebugLineNotAnError() throws Exception {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket()) {
            // A small window keeps the server writing the document (most of a megabyte) while the client waits.
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /rest/open-api/core HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + server.shelterKey + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(12);
            assertEquals("HTTP/1.1 200", new String(start, StandardCharsets.ISO_8859_1));
            socket.setSoLinger(true, 0); // closing now resets the connection
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (hangUps.list.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        List<String> lines = messages(hangUps.list);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("the client closed its connection before its response was written"), lines.get(0));
        assertEquals(List.of(), messages(jersey.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList()));
    }

    private static List<String> messages(List<ILoggingEvent> events) {
        return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
