package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.ui.common.SnapshotOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap snapshots kept with a session and shown again by other processes: a saved file opened in a child JVM, an
 * autosave recovered after its app was killed, and one taken in the last second before the autosave stopped.
 * Compared as {@link SnapshotListing}s: every snapshot's title, objects and bytes, and the growth between every two.
 */
class SavedHeapSnapshotsTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void theVirtualBoardsAndTheAgentsSnapshotsOneCutShowTheSameInAnotherProcess() throws Exception {
        List<HeapSnapshot> shown = new ArrayList<>();
        Path file = dir.resolve("snapshots.heapscope");
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(), BoardOptions.defaults().withRealTime(true),
                Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            SimulatedBoard board = opened.board().orElseThrow();
            shown.add(board.console().snapshot("before"));
            opened.session().execute("cache = {} for i = 1, 12 do cache[i] = {n = i, s = 'v' .. i} end")
                    .get(20, TimeUnit.SECONDS);
            shown.add(board.console().snapshot("after the cache"));
            AgentSnapshot whole = new AgentRun(AgentRun.shippedAgent()).take(opened.session(), 60_000L)
                    .get(90, TimeUnit.SECONDS);
            assertThat(whole.complete()).as(String.valueOf(whole.problem())).isTrue();
            shown.add(whole.toHeapSnapshot(shown.size() + 1, SnapshotOrigin.agentLabel("agent", whole), 0));
            // the board goes down after the agent's 40th line, as a watchdog reset would take it
            opened.session().execute("local p, n = print, 0 print = function(...) n = n + 1 if n == 40 then "
                    + "node.restart() end return p(...) end").get(20, TimeUnit.SECONDS);
            AgentSnapshot cut = new AgentRun(AgentRun.shippedAgent()).take(opened.session(), 60_000L)
                    .get(90, TimeUnit.SECONDS);
            assertThat(cut.complete()).isFalse();
            shown.add(cut.toHeapSnapshot(shown.size() + 1, SnapshotOrigin.agentLabel("cut", cut), 0));
            SessionStore.save(SavedSession.of(opened.session().snapshot().get(10, TimeUnit.SECONDS),
                    opened.session().transcript().get(10, TimeUnit.SECONDS), "esp32-devkitc", null, opened.symbols(),
                    opened.heldBy(), shown), file);
        }
        assertThat(shown.get(3).title()).contains("INCOMPLETE: board reset");
        List<String> live = SnapshotListing.of(shown);
        assertThat(live).anyMatch(line -> line.startsWith("GROW #1 #2 _G.cache[*] 0/0 -> 12/"));

        assertThat(child(file.toString())).isEqualTo(live);
        SavedSession opened = SessionStore.open(file);
        assertThat(opened.heapSnapshots()).isEqualTo(shown);
        assertThat(opened.heapSnapshots().get(2).objects()).extracting(o -> o.path().grouped())
                .as("the agent's snapshot").filteredOn("_G.cache[*]"::equals).hasSize(12);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anAppKilledWithSigkillLeavesItsSnapshotsToRecover() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process victim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HeapSnapshotsVictim.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.equals("READY"); line = out.readLine()) {
                printed.add(line);
            }
        } finally {
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            victim.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(printed).hasSizeGreaterThan(2);
        assertThat(printed.get(1)).startsWith("SNAP #2 (after the loop)");
        assertThat(printed).anyMatch(line -> line.startsWith("GROW #1 #2 _G.grown[*] 0/0 -> 25/"));
        List<Path> leftovers = Autosave.findRecoverable(dir);
        assertThat(leftovers).hasSize(1);
        assertThat(SnapshotListing.of(Autosave.recover(leftovers.get(0)).heapSnapshots())).isEqualTo(printed);
        assertThat(child(leftovers.get(0).toString(), "--autosave")).as("recovered in yet another process").isEqualTo(printed);
    }

    @Test
    void aSnapshotShownJustBeforeTheAutosaveStopsIsOnDiskToo() throws Exception {
        Autosave autosave = Autosave.begin(dir, "esp32-devkitc", null);
        Files.writeString(autosave.transcriptFile(), "> \r\n", StandardCharsets.US_ASCII);
        HeapSnapshot last = new HeapSnapshot(1, "last", 7, List.of(new HeapSnapshot.HeapObject(0x3ffb0000, 32, "table",
                new RetainingPath(List.of("_G", ".t"), "_G.t"))));
        autosave.keepHeapSnapshots(() -> List.of(last)); // never followed: only the stop writes
        autosave.stop();
        assertThat(Autosave.recover(autosave.directory()).heapSnapshots()).containsExactly(last);
    }

    private static List<String> child(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SnapshotListing.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
