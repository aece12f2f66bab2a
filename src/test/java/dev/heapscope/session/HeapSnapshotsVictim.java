package dev.heapscope.session;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app to be killed in {@link SavedHeapSnapshotsTest}: a virtual-board session with autosave into
 * {@code args[0]}, two heap snapshots shown (as the app's Retained by list), then, once they are on disk, their
 * listing ({@link SnapshotListing}) on stdout, "READY", and a long sleep.
 */
public final class HeapSnapshotsVictim {
    private static volatile List<HeapSnapshot> shown = List.of();

    private HeapSnapshotsVictim() {
    }

    public static void main(String[] args) throws Exception {
        Autosave autosave = Autosave.begin(Path.of(args[0]), "esp32-devkitc", null);
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
        ProfilingSession session = new ProfilingSession(new SimulatorTransport(board, false),
                autosave.options(SessionOptions.DEFAULTS));
        autosave.keepHeapSnapshots(() -> shown);
        autosave.follow(session, board.console()::symbols, board.console().heldBy());
        session.connect().get(20, TimeUnit.SECONDS);
        session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);
        HeapSnapshot before = board.console().snapshot("before");
        shown = List.of(before);
        session.execute("grown = {} for i = 1, 25 do grown[i] = {i, 'n' .. i} end").get(20, TimeUnit.SECONDS);
        HeapSnapshot after = board.console().snapshot("after the loop");
        shown = List.of(before, after);
        Path written = autosave.directory().resolve(SessionJson.HEAP_SNAPSHOTS);
        for (int i = 0; i < 200 && !(Files.exists(written) && Files.readString(written).contains("after the loop")); i++) {
            Thread.sleep(50);
        }
        java.io.PrintStream out = new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        SnapshotListing.of(shown).forEach(out::println);
        out.println("READY");
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
}
