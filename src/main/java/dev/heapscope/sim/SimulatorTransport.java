package dev.heapscope.sim;

import dev.heapscope.transport.HeapCounter;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.TransportListener;

import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The virtual board behind the {@link Transport} interface, so sessions, parser and views run
 * unchanged on a simulated board. Opening powers the board on. Output is delivered as fast as the
 * board prints it, or paced to the profile's baud rate (10 bits a byte, 8N1) when asked, which is
 * how long dumps really take on a 115200-baud console.
 */
public final class SimulatorTransport implements Transport {
    private final SimulatedBoard board;
    private final boolean paced;
    private final LinkedBlockingQueue<byte[]> outgoing = new LinkedBlockingQueue<>();
    private volatile TransportListener listener;
    private volatile boolean open;
    private Thread pacer;

    public SimulatorTransport(SimulatedBoard board, boolean paced) {
        this.board = board;
        this.paced = paced;
    }

    public SimulatedBoard board() {
        return board;
    }

    @Override
    public synchronized void open(TransportListener newListener) throws TransportException {
        if (open) {
            throw new TransportException("the virtual board is already connected");
        }
        listener = newListener;
        open = true;
        if (paced) {
            pacer = new Thread(this::deliverPaced, "virtual-board-uart");
            pacer.setDaemon(true);
            pacer.start();
        }
        board.console().addOutputListener((bytes, offset, length) -> {
            byte[] copy = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
            if (paced) {
                outgoing.add(copy);
            } else if (open) {
                listener.bytesReceived(copy, copy.length, System.currentTimeMillis());
            }
        });
        board.console().boot();
    }

    @Override
    public void write(byte[] bytes) throws TransportException {
        if (!open) {
            throw new TransportException("the virtual board is not connected");
        }
        board.console().receive(bytes);
    }

    /** The profile's baud when output is paced like a UART; 0 when it is as fast as the board prints. */
    @Override
    public int baudRate() {
        return paced ? board.profile().baudRate() : 0;
    }

    @Override
    public boolean resetBoard() throws TransportException {
        if (!open) {
            throw new TransportException("the virtual board is not connected");
        }
        board.console().pressReset();
        return true;
    }

    /**
     * The virtual board's heap counter, read on the board thread without running Lua: the simulator may look
     * at its own heap, and a poll that runs Lua leaves its result string behind as garbage (see HeapPolling).
     */
    @Override
    public Optional<HeapCounter> heapCounter() {
        return Optional.of(board::freeHeapLater);
    }

    @Override
    public String describe() {
        return "Simulator (" + board.profile().name() + ")";
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        if (pacer != null) {
            pacer.interrupt();
        }
        board.close();
    }

    /** Hands bytes over no faster than the UART would carry them. */
    private void deliverPaced() {
        double nanosPerByte = 10 * 1e9 / board.profile().baudRate();
        long lineFreeAt = System.nanoTime();
        byte[] chunk = new byte[256];
        try {
            while (open) {
                byte[] next = outgoing.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                for (int offset = 0; offset < next.length; offset += chunk.length) {
                    int length = Math.min(chunk.length, next.length - offset);
                    System.arraycopy(next, offset, chunk, 0, length);
                    lineFreeAt = Math.max(lineFreeAt, System.nanoTime()) + (long) (length * nanosPerByte);
                    long wait = lineFreeAt - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (open) {
                        listener.bytesReceived(chunk, length, System.currentTimeMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
