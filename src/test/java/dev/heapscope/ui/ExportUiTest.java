package dev.heapscope.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.cli.Main;
import dev.heapscope.export.LogExport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File › Export after a hunt: each format written from the window (its file chooser bypassed) is the
 * format the command line writes for the same session, saved: same dumps, records and weights.
 */
class ExportUiTest extends WindowTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormatIsWhatTheCommandLineWritesForTheSameSession() throws Exception {
        runGuidedHunt();
        Path saved = data.resolve("hunt.heapscope");
        onFx(() -> window.files().save(saved)).get(30, TimeUnit.SECONDS);
        Path out = Files.createDirectories(data.resolve("exports"));

        Path html = export(LogExport.Format.HTML_REPORT, out);
        assertThat(Files.readString(html)).contains("<h1>HeapScope report</h1>", "handle_request (request-handler-leak.lua:19)");
        assertThat(cli(out, "report", saved, "-o", out.resolve("cli.html"))).contains("<h1>HeapScope report</h1>");

        Path folded = export(LogExport.Format.FOLDED, out);
        List<String> stacks = Files.readAllLines(folded);
        assertThat(stacks).isNotEmpty().allMatch(line -> line.matches(".+ \\d+"));
        assertThat(stacks).anyMatch(line -> line.contains("handle_request (request-handler-leak.lua:19)"));
        List<String> cliStacks = Files.readAllLines(cliExport(out, saved, "folded"));
        assertThat(total(stacks)).as("live bytes of the last dump").isEqualTo(total(cliStacks)).isPositive();

        JsonNode json = JSON.readTree(export(LogExport.Format.JSON, out).toFile());
        JsonNode cliJson = JSON.readTree(cliExport(out, saved, "json").toFile());
        assertThat(json.get("dumps").size()).isEqualTo(cliJson.get("dumps").size()).isEqualTo(2);
        assertThat(json.get("dumps").get(1).get("records").size()).isEqualTo(cliJson.get("dumps").get(1).get("records").size());

        JsonNode speedscope = JSON.readTree(export(LogExport.Format.SPEEDSCOPE, out).toFile());
        assertThat(speedscope.get("$schema").asText()).contains("speedscope");
        assertThat(speedscope.get("profiles").size()).isEqualTo(JSON.readTree(cliExport(out, saved, "speedscope").toFile())
                .get("profiles").size());

        assertThat(Files.readAllLines(export(LogExport.Format.RECORDS_CSV, out)))
                .hasSameSizeAs(Files.readAllLines(cliExport(out, saved, "csv")));
        assertThat(Files.readAllLines(export(LogExport.Format.LEAKS_CSV, out)))
                .hasSameSizeAs(Files.readAllLines(cliExport(out, saved, "leaks-csv")));
        assertThat(Files.readString(export(LogExport.Format.SVG, out))).contains("<svg", "</svg>");
        byte[] png = Files.readAllBytes(export(LogExport.Format.PNG, out));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void nothingToExportIsSaidInOneLine() throws Exception {
        Path file = data.resolve("empty.folded");
        assertThat(onFx(() -> window.exports().export(LogExport.Format.FOLDED, file)).handle((ok, error) -> error)
                .get(30, TimeUnit.SECONDS)).isNotNull();
        waitUntil("the refusal said", () -> status().startsWith("Cannot export Folded stacks: no heap trace dump yet"));
        assertThat(status()).doesNotContain("Exception", "null");
        assertThat(file).doesNotExist();
    }

    /** Exports from the window and checks what the status bar says. */
    private Path export(LogExport.Format format, Path folder) throws Exception {
        Path file = folder.resolve(format.fileName("app"));
        Path written = onFx(() -> window.exports().export(format, file)).get(60, TimeUnit.SECONDS);
        assertThat(written).isEqualTo(file).isNotEmptyFile();
        waitUntil(format + " said", () -> status().equals(format.title() + " exported to " + file));
        return file;
    }

    private Path cliExport(Path folder, Path session, String format) throws Exception {
        Path file = folder.resolve("cli." + format);
        cli(folder, "export", session, "--format", format, "-o", file);
        return file;
    }

    private static String cli(Path folder, Object... args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] words = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int code = Main.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), words);
        assertThat(code).as(String.join(" ", words) + ": " + err).isZero();
        Path output = Path.of(words[words.length - 1]);
        return Files.readString(output);
    }

    private static long total(List<String> folded) {
        return folded.stream().mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
