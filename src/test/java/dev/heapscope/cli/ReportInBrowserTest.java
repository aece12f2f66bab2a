package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the report in Debian's headless Chromium, offline (file URL, the report's CSP forbids any
 * fetch). {@code #selftest} makes report.js click a leak-table header and a flame frame and write
 * what happened into {@code body[data-selftest]}, which {@code --dump-dom} shows. Skipped without
 * /usr/bin/chromium, so CI without a browser still passes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern SELFTEST = Pattern.compile("data-selftest=\"([^\"]*)\"");

    record Page(String dom, List<String> consoleLines) {
    }

    private static Page open(Path file, String fragment, Path profile) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        Path dom = profile.resolveSibling(profile.getFileName() + ".dom");
        Path log = profile.resolveSibling(profile.getFileName() + ".err");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
                "--dump-dom", file.toUri() + fragment)
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!chromium.waitFor(150, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish");
        }
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
    }

    private static JsonNode selftest(Page page) throws IOException {
        Matcher m = SELFTEST.matcher(page.dom());
        assertThat(m.find()).as("report.js wrote its self-test result").isTrue();
        return new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
    }

    @Test
    void theReportOpensOfflineSortsItsTableAndZoomsItsFlameGraph(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        assertThat(CliRunner.run("report", CliRunner.log("shared/nodemcu-session-idf51.log"), "-o", html.toString())
                .exitCode()).isZero();
        Page page = open(html, "#selftest", dir.resolve("profile"));
        assertThat(page.consoleLines()).isEmpty();
        JsonNode result = selftest(page);
        assertThat(result.get("errors")).isEmpty();
        assertThat(result.get("leakRows").asInt()).isEqualTo(4);
        assertThat(result.get("sortedAscending").asBoolean()).isTrue();
        assertThat(result.get("frames").asInt()).isGreaterThan(4);
        assertThat(result.get("zoomedTo").asText()).isNotEmpty();
        assertThat(result.get("zoomedWidth").asText()).isEqualTo("1180.00");
        assertThat(result.get("scriptsInBody").asInt()).isEqualTo(2);
        // the search box's '.' highlights every frame but the root
        assertThat(result.get("searchMatches").asInt()).isEqualTo(result.get("frames").asInt() - 1);
    }

    @Test
    void aHostileLogAddsNoScriptToTheLivePage(@TempDir Path dir) throws Exception {
        String log = CliRunner.log("hostile-names.log");
        Path html = dir.resolve("evil.html");
        assertThat(CliRunner.run("report", log, "-o", html.toString()).exitCode()).isZero();
        Page page = open(html, "#selftest", dir.resolve("profile"));
        assertThat(page.consoleLines()).isEmpty();
        JsonNode result = selftest(page);
        assertThat(result.get("scriptsInBody").asInt()).isEqualTo(2);
        assertThat(page.dom()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void theStandaloneSvgOpensWithoutConsoleErrors(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("flame.svg");
        assertThat(CliRunner.run("export", CliRunner.log("shared/nodemcu-session-idf51.log"), "--format", "svg",
                "-o", svg.toString()).exitCode()).isZero();
        Page page = open(svg, "", dir.resolve("profile"));
        assertThat(page.consoleLines()).isEmpty();
        assertThat(page.dom()).contains("class=\"f\"", "0x400d2e10");
    }
}
