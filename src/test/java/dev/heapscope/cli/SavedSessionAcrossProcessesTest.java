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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A virtual-board session saved by {@code run --save} and read again in other JVMs, which never ran the
 * board and so know none of its synthetic addresses: the leak table, {@code report} and
 * {@code analyze --json} show the Lua names and Held-by paths of the live run, and each dump its own time.
 */
@Timeout(180)
class SavedSessionAcrossProcessesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aSavedVirtualBoardSessionShowsTheLiveNamesHoldersAndTimesInAnotherProcess() throws Exception {
        Path scenario = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator", "scenarios",
                "request-handler-leak.lua");
        Path file = dir.resolve("run.heapscope");
        CliRunner live = CliRunner.run("run", scenario.toString(), "--json", "--save", file.toString());
        assertThat(live.exitCode()).as(live.err()).isNotEqualTo(ExitCodes.UNREADABLE_INPUT);
        JsonNode run = JSON.readTree(live.out());
        Set<String> liveLuaFrames = new LinkedHashSet<>();
        Map<String, String> liveHolders = new HashMap<>();
        run.get("leaks").forEach(leak -> {
            leak.get("frames").forEach(frame -> luaLabel(frame).ifPresent(liveLuaFrames::add));
            leak.get("records").forEach(r -> liveHolders.put(r.get("address").asText(), r.get("path").asText()));
        });
        assertThat(liveLuaFrames).contains("handle_request (request-handler-leak.lua:20)");
        List<Long> liveTimes = new ArrayList<>();
        run.get("dumps").forEach(d -> liveTimes.add(d.get("receivedAtMillis").asLong()));

        String probe = child(SavedSessionProbe.class.getName(), file.toString());
        List<String> rows = probe.lines().filter(l -> l.startsWith("ROW ")).toList();
        for (String frame : liveLuaFrames) {
            assertThat(rows).as("the leak table names " + frame).anyMatch(row -> row.contains(frame));
        }
        assertThat(rows).noneMatch(row -> row.contains("0x42"));
        assertThat(rows).anyMatch(row -> row.contains("handle_request (request-handler-leak.lua:20)")
                && row.endsWith("| _G.listeners[*]"));
        assertThat(probe.lines().filter(l -> l.startsWith("TIME ")).map(l -> Long.valueOf(l.split(" ")[2])).toList())
                .as("each dump keeps the time it arrived at").isEqualTo(liveTimes);

        JsonNode analyzed = JSON.readTree(child(Main.class.getName(), "analyze", file.toString(), "--json"));
        List<Long> times = new ArrayList<>();
        analyzed.get("dumps").forEach(d -> times.add(d.get("receivedAtMillis").asLong()));
        assertThat(times).isEqualTo(liveTimes);
        Set<String> analyzedFrames = new LinkedHashSet<>();
        Map<String, String> analyzedHolders = new HashMap<>();
        JsonNode lastDump = analyzed.get("dumps").get(analyzed.get("dumps").size() - 1);
        lastDump.get("records").forEach(r -> {
            r.get("frames").forEach(frame -> luaLabel(frame).ifPresent(analyzedFrames::add));
            if (r.has("heldBy")) {
                analyzedHolders.put(r.get("address").asText(), r.get("heldBy").asText());
            }
        });
        assertThat(analyzedFrames).containsAll(liveLuaFrames);
        assertThat(analyzedHolders).containsAllEntriesOf(liveHolders).isNotEmpty();

        Path html = dir.resolve("report.html");
        child(Main.class.getName(), "report", file.toString(), "-o", html.toString());
        String report = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(report).doesNotContain(" 0 symbol name(s)").contains("<th>Held by</th>").contains("_G.listeners[*]");
        for (String frame : liveLuaFrames) {
            assertThat(report).contains(frame);
        }
    }

    private static java.util.Optional<String> luaLabel(JsonNode frame) {
        String file = frame.path("file").asText("");
        return file.endsWith(".lua") ? java.util.Optional.of(frame.get("function").asText() + " (" + file + ":"
                + frame.get("line").asInt() + ")") : java.util.Optional.empty();
    }

    private static String child(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(mainClass + " " + String.join(" ", args)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
