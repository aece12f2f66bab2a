package dev.heapscope.sim;

import dev.heapscope.transport.pty.PseudoTerminal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Serves a virtual board on a pseudo-terminal, so {@code screen}, {@code picocom} or HeapScope's
 * serial mode talk to it like to a board on a USB cable. Output is paced to the profile's baud rate
 * unless asked not to; what nobody reads is dropped after a moment, as a UART with no listener does.
 */
public final class BoardOnPty implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BoardOnPty.class.getName());
    private static final int WRITE_TIMEOUT_MILLIS = 200;
    /** The ESP32 UART's hardware TX FIFO (ESP-IDF soc_caps.h SOC_UART_FIFO_LEN). */
    private static final int UART_FIFO_BYTES = 128;

    private final SimulatedBoard board;
    private final PseudoTerminal pty;
    private final boolean paced;
    private final Thread reader;
    private long lineFreeAtNanos;
    private volatile long droppedBytes;

    private BoardOnPty(SimulatedBoard board, PseudoTerminal pty, boolean paced) {
        this.board = board;
        this.pty = pty;
        this.paced = paced;
        this.reader = new Thread(this::pumpInput, "virtual-board-pty-reader");
        this.reader.setDaemon(true);
    }

    /** Opens a pseudo-terminal (symlinked at {@code link} when not null), starts and boots the board. */
    public static BoardOnPty serve(SimulatedBoard board, Path link, boolean paced) throws IOException {
        PseudoTerminal pty = PseudoTerminal.open();
        if (link != null) {
            pty.linkAt(link);
        }
        BoardOnPty served = new BoardOnPty(board, pty, paced);
        board.console().addOutputListener(served::output);
        served.reader.start();
        board.console().boot();
        return served;
    }

    /** The device path a serial client opens. */
    public String slavePath() {
        return pty.slavePath();
    }

    /** Bytes the board printed while no client read them. */
    public long droppedBytes() {
        return droppedBytes;
    }

    public boolean isOpen() {
        return !pty.isClosed();
    }

    /** Unplugs the board: the client sees the port vanish. */
    @Override
    public void close() {
        pty.close();
        board.close();
    }

    private void output(byte[] bytes, int offset, int length) {
        if (pty.isClosed()) {
            return;
        }
        // A UART sends byte after byte: a big print goes out in small paced pieces.
        int piece = paced ? 64 : length;
        for (int sent = 0; sent < length && !pty.isClosed(); sent += piece) { // unplugged: the rest is not paced out
            int size = Math.min(piece, length - sent);
            try {
                if (paced) {
                    waitForLine(size);
                }
                pty.write(bytes, offset + sent, size, WRITE_TIMEOUT_MILLIS);
            } catch (IOException e) {
                droppedBytes += size;
            }
        }
    }

    /**
     * Holds the writer back as the UART would: its 128-byte TX FIFO takes bytes at once and blocks only when it is
     * full. Waiting for every byte instead made each echoed character of typed text sleep (87 µs at 115200 baud,
     * which JDK 17 rounds up to a whole millisecond): typed text took about ten times a UART's time.
     */
    private void waitForLine(int length) {
        double nanosPerByte = 10 * 1e9 / board.profile().baudRate();
        lineFreeAtNanos = Math.max(lineFreeAtNanos, System.nanoTime()) + (long) (length * nanosPerByte);
        long wait = lineFreeAtNanos - System.nanoTime() - (long) (UART_FIFO_BYTES * nanosPerByte);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pumpInput() {
        byte[] buffer = new byte[512];
        try {
            while (!pty.isClosed()) {
                int read = pty.read(buffer, 200);
                if (read < 0) {
                    return;
                }
                if (read > 0) {
                    board.console().receive(java.util.Arrays.copyOf(buffer, read));
                }
            }
        } catch (IOException e) {
            if (!pty.isClosed()) {
                LOG.log(System.Logger.Level.WARNING, "reading the pseudo-terminal failed: " + e.getMessage());
            }
        }
    }
}
