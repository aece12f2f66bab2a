package dev.heapscope.session;

import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The app to be killed in {@link AutosaveRecoveryTest}: a simulated session with autosave into
 * {@code args[0]}, a few dumps, then "READY n records..." on stdout and a long sleep.
 */
public final class AutosaveVictim {
    private AutosaveVictim() {
    }

    public static void main(String[] args) throws Exception {
        Autosave autosave = Autosave.begin(Path.of(args[0]), "esp32-devkitc", null);
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
        ProfilingSession session = new ProfilingSession(new SimulatorTransport(board, false),
                autosave.options(SessionOptions.DEFAULTS));
        autosave.follow(session, board.console()::symbols, board.console().heldBy());
        get(session.connect());
        get(session.awaitPrompt(10_000));
        get(session.init(200));
        get(session.start(TraceMode.LEAKS));
        StringBuilder records = new StringBuilder();
        StringBuilder times = new StringBuilder("TIMES");
        int dumps = 3;
        get(session.execute("function fill(t, n) for i = 1, n do t[i] = {i} end end"));
        for (int i = 0; i < dumps; i++) {
            get(session.execute("keep" + i + " = {} fill(keep" + i + ", " + (i + 2) + ")"));
            dev.heapscope.model.Dump dump = get(session.dump());
            records.append(' ').append(dump.records().size());
            times.append(' ').append(dump.receivedAtMillis());
            Thread.sleep(30); // dumps at distinct host times
        }
        // Markers are written at most once a second: wait until the last dump's marker is on disk.
        Path markers = autosave.directory().resolve(SessionJson.MARKERS);
        for (int i = 0; i < 200 && !(Files.exists(markers) && Files.readString(markers).contains("dump #" + dumps)); i++) {
            Thread.sleep(50);
        }
        System.out.println("READY " + dumps + records);
        System.out.println(times);
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }
}
