package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs page in headless Chromium (Debian's {@code chromium} package, or the binary named by
 * {@code -Dchromium=...}): opened as {@code /docs/#key=...}, it renders the key's workspace API, and its
 * screenshot is a real page, not a blank one. Tagged {@code browser}: it runs only in the {@code browser}
 * Maven profile ({@code mvn -Pbrowser ...}, see the README), and leaves the screenshot in
 * {@code target/docs-page.png}.
 */
@Tag("browser")
@ExtendWith(SharedServer.class)
class DocsPageBrowserTest {
    private static final Path SCREENSHOT = Path.of("target", "docs-page.png").toAbsolutePath();

    private static TestServer server;

    @TempDir
    Path profile;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    private String url() {
        return server.baseUrl() + "/docs/#key=" + server.shelterKey;
    }

    @Test
    void theKeyInTheFragmentShowsItsWorkspacesApi() throws Exception {
        String dom = chromium(profile.resolve("dom"), "--dump-dom", url());
        assertTrue(dom.contains("Animal Shelter REST API"), "the workspace's document is not rendered:\n" + excerpt(dom));
        assertTrue(dom.contains("Showing the API of the workspace this key belongs to."), excerpt(dom));
        assertTrue(dom.contains("/pets"), "the workspace's own objects are listed");
        assertFalse(dom.contains("#key="), "the key is removed from the address bar");
    }

    @Test
    void theScreenshotIsARealPage() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        Files.createDirectories(SCREENSHOT.getParent());
        chromium(profile.resolve("screenshot"), "--screenshot=" + SCREENSHOT, "--window-size=1280,900", url());
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(900, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 100, "a blank or nearly blank page: " + colours.size() + " colours");
        assertEquals(0x1b1f24, image.getRGB(5, 5) & 0xffffff, "the key bar is drawn at the top");
    }

    /** Runs headless Chromium with the flags a container needs and returns what it printed. */
    private static String chromium(Path userData, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("chromium", "chromium"),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + userData, "--virtual-time-budget=20000"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + command);
        }
        assertEquals(0, process.exitValue(), "chromium failed: " + command);
        return output.toString(StandardCharsets.UTF_8);
    }

    private static String excerpt(String dom) {
        return dom.length() > 2000 ? dom.substring(0, 2000) + "…" : dom;
    }
}
