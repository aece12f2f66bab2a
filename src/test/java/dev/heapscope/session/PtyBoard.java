package dev.heapscope.session;

import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.pty.PseudoTerminal;
import dev.heapscope.transport.pty.PseudoTerminals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A virtual board behind a real pseudo-terminal, for serial end-to-end tests: output paced to a baud
 * rate, the power of {@link #unplug()} and {@link #injectNoise} to send bytes the board never printed.
 * Creating one skips the test where this machine has no pseudo-terminals.
 */
final class PtyBoard implements AutoCloseable {
    private final SimulatedBoard board;
    private final PseudoTerminal pty;
    private final int baudRate;
    private final Thread reader;
    private long lineFreeAtNanos;

    PtyBoard(SimulatedBoard board, Path link, int baudRate) throws IOException {
        PseudoTerminals.assumeAvailable();
        this.board = board;
        this.baudRate = baudRate;
        this.pty = PseudoTerminal.open();
        pty.linkAt(link);
        board.console().addOutputListener(this::paced);
        reader = new Thread(this::pump, "pty-board-reader");
        reader.setDaemon(true);
        reader.start();
        board.console().boot();
    }

    SimulatedBoard board() {
        return board;
    }

    synchronized void injectNoise(byte[] bytes) throws IOException {
        pty.write(bytes, 0, bytes.length, 2_000);
    }

    /** Pulls the cable: the host's port vanishes. */
    void unplug() {
        pty.close();
    }

    @Override
    public void close() {
        pty.close();
        board.close();
    }

    private synchronized void paced(byte[] bytes, int offset, int length) {
        if (pty.isClosed()) {
            return;
        }
        try {
            // A UART sends byte after byte: big prints go out in small paced pieces.
            for (int sent = 0; sent < length; sent += 64) {
                int piece = Math.min(64, length - sent);
                lineFreeAtNanos = Math.max(lineFreeAtNanos, System.nanoTime()) + piece * 10_000_000_000L / baudRate;
                long wait = lineFreeAtNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                pty.write(bytes, offset + sent, piece, 2_000);
            }
        } catch (IOException | InterruptedException e) {
            // unplugged while printing: the rest of the output is lost, as on a real cable
        }
    }

    private void pump() {
        byte[] buffer = new byte[256];
        try {
            while (!pty.isClosed()) {
                int read = pty.read(buffer, 100);
                if (read < 0) {
                    return;
                }
                if (read > 0) {
                    board.console().receive(java.util.Arrays.copyOf(buffer, read));
                }
            }
        } catch (IOException e) {
            // closed
        }
    }
}
