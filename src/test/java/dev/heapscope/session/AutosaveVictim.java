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
        autosave.follow(session);
        get(session.connect());
        get(session.awaitPrompt(10_000));
        get(session.init(200));
        get(session.start(TraceMode.LEAKS));
        StringBuilder records = new StringBuilder();
        int dumps = 3;
        for (int i = 0; i < dumps; i++) {
            get(session.execute("keep" + i + " = {} for i=1," + (i + 2) + " do keep" + i + "[i] = {i} end"));
            records.append(' ').append(get(session.dump()).records().size());
        }
        // Markers are written at most once a second: wait until the last dump's marker is on disk.
        Path markers = autosave.directory().resolve(SessionJson.MARKERS);
        for (int i = 0; i < 200 && !(Files.exists(markers) && Files.readString(markers).contains("dump #" + dumps)); i++) {
            Thread.sleep(50);
        }
        System.out.println("READY " + dumps + records);
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }
}
