package dev.heapscope.session;

import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.pty.PseudoTerminals;
import dev.heapscope.transport.serial.SerialTransport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The default virtual board served as {@code heapscope sim --pty} serves it (real time, output paced at its baud)
 * and a serial session connected to it at its prompt: what the wire benchmarks measure against.
 */
record PacedPtyBoard(int baudRate, BoardOnPty served, ProfilingSession session) implements AutoCloseable {
    static PacedPtyBoard open() throws Exception {
        PseudoTerminals.assumeAvailable();
        Path link = Files.createTempDirectory("heapscope-paced").resolve("esp32");
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults(), BoardOptions.defaults().withRealTime(true));
        BoardOnPty served = BoardOnPty.serve(board, link, true);
        ProfilingSession session = new ProfilingSession(new SerialTransport(link.toString()),
                SessionOptions.DEFAULTS.withCommandTimeoutMillis(60_000));
        session.connect().get(20, TimeUnit.SECONDS);
        session.awaitPrompt(15_000).get(20, TimeUnit.SECONDS);
        return new PacedPtyBoard(board.profile().baudRate(), served, session);
    }

    @Override
    public void close() {
        session.close();
        served.close();
    }
}
