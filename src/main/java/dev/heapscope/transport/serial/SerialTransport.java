package dev.heapscope.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.TransportListener;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A serial port (USB-UART bridge, native USB CDC, or a pseudo-terminal such as {@code /dev/pts/7} or a
 * symbolic link to one) at 8N1.
 *
 * <p>Threads: received bytes and the single {@code disconnected} call arrive on the transport's own
 * reader thread, {@code disconnected} after the last delivered bytes. {@link #write} may be called from
 * any thread; it never blocks longer than the write-stall timeout even if nobody drains the line.
 * {@link #close()} by the owner does not report {@code disconnected}.
 */
public final class SerialTransport implements Transport {
    public static final int DEFAULT_BAUD_RATE = 115_200;
    public static final int DEFAULT_WRITE_STALL_MILLIS = 2_000;
    private static final System.Logger LOG = System.getLogger(SerialTransport.class.getName());
    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final int UNPACED_CHUNK_BYTES = 256;
    private static final long READER_JOIN_MILLIS = 2_000;

    private final String portName;
    private final boolean pacedWrites;
    private final int writeStallMillis;
    private final Object writeLock = new Object();
    private final AtomicBoolean disconnectReported = new AtomicBoolean();
    private final AtomicBoolean portCloseStarted = new AtomicBoolean();
    private volatile int baudRate;
    private volatile SerialPort port;
    private volatile boolean closing;
    private volatile boolean vanished;
    private volatile boolean open;
    private Thread reader;
    private ExecutorService writer;
    private Future<Integer> pendingWrite;
    private final LinePacer pacer = new LinePacer();

    /** The port at 115200 baud, writes not paced. */
    public SerialTransport(String portName) {
        this(portName, DEFAULT_BAUD_RATE, false, DEFAULT_WRITE_STALL_MILLIS);
    }

    /**
     * @param portName         a system name ({@code ttyUSB0}, {@code COM3}) or a path ({@code /dev/pts/7}, a symlink)
     * @param pacedWrites      write no faster than the line carries at {@code baudRate} (10 bits a byte);
     *                         useful when the other end does not apply the baud rate (a pseudo-terminal)
     * @param writeStallMillis how long a write may wait for the line to drain before it fails
     */
    public SerialTransport(String portName, int baudRate, boolean pacedWrites, int writeStallMillis) {
        if (baudRate <= 0 || writeStallMillis <= 0) {
            throw new IllegalArgumentException("baud rate and write stall timeout must be positive");
        }
        this.portName = portName;
        this.baudRate = baudRate;
        this.pacedWrites = pacedWrites;
        this.writeStallMillis = writeStallMillis;
    }

    @Override
    public synchronized void open(TransportListener listener) throws TransportException {
        if (open || port != null) {
            throw new TransportException(portName + " is already open");
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(portName);
        } catch (SerialPortInvalidPortException e) {
            throw new TransportException("no serial port " + portName + ": " + e.getMessage(), e);
        }
        candidate.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MILLIS, 0);
        if (!candidate.openPort(0)) {
            throw new TransportException("cannot open " + portName + " (error " + candidate.getLastErrorCode()
                    + "): is it plugged in, used by another program (idf.py monitor, a terminal), "
                    + "or missing permissions (the dialout group)?");
        }
        port = candidate;
        candidate.addDataListener(new UnplugListener(portName, () -> vanished = true, this::closePortOnce));
        writer = Executors.newSingleThreadExecutor(r -> daemon(r, "serial-writer " + portName));
        open = true;
        reader = daemon(() -> readUntilClosed(listener), "serial-reader " + portName);
        reader.start();
    }

    /** Follows the board's {@code uart.setup}. */
    @Override
    public void setBaudRate(int newBaudRate) throws TransportException {
        if (newBaudRate <= 0) {
            throw new TransportException("baud rate must be positive, not " + newBaudRate);
        }
        SerialPort current = port;
        if (current != null && open && !current.setBaudRate(newBaudRate)) {
            throw new TransportException(portName + " refused baud rate " + newBaudRate);
        }
        baudRate = newBaudRate;
    }

    @Override
    public int baudRate() {
        return baudRate;
    }

    /** EN is low while RTS is asserted; DTR released keeps IO0 high, so the board boots its app. */
    @Override
    public boolean resetBoard() throws TransportException {
        SerialPort current = port;
        if (current == null || !open) {
            throw new TransportException(portName + " is not open");
        }
        if (!current.clearDTR() || !current.setRTS()) {
            return false; // a pseudo-terminal or a bridge without modem lines
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return current.clearRTS();
    }

    @Override
    public void write(byte[] bytes) throws TransportException {
        synchronized (writeLock) {
            awaitPendingWrite();
            int chunkBytes = pacedWrites ? LinePacer.chunkBytes(baudRate) : UNPACED_CHUNK_BYTES;
            for (int offset = 0; offset < bytes.length; ) {
                int length = Math.min(chunkBytes, bytes.length - offset);
                if (pacedWrites) {
                    waitForLine(length);
                }
                byte[] chunk = Arrays.copyOfRange(bytes, offset, offset + length);
                offset += writeChunk(chunk, bytes.length - offset);
            }
        }
    }

    private int writeChunk(byte[] chunk, int bytesLeft) throws TransportException {
        SerialPort current = requireOpen();
        int written = 0;
        while (written < chunk.length) {
            int from = written;
            pendingWrite = writer.submit(() -> current.writeBytes(chunk, chunk.length - from, from));
            int n = awaitPendingWrite();
            if (n <= 0) {
                throw new TransportException("cannot write to " + portName + ": "
                        + (vanished || !open ? "board disconnected" : "the port refused the bytes")
                        + " (" + bytesLeft + " bytes not sent)");
            }
            written += n;
        }
        return written;
    }

    /** Waits for the writer thread's last chunk; a write stuck for the stall timeout becomes an error. */
    private int awaitPendingWrite() throws TransportException {
        Future<Integer> pending = pendingWrite;
        if (pending == null) {
            requireOpen();
            return 0;
        }
        try {
            int n = pending.get(writeStallMillis, TimeUnit.MILLISECONDS);
            pendingWrite = null;
            return n;
        } catch (TimeoutException e) {
            throw new TransportException("write to " + portName + " stalled for " + writeStallMillis
                    + " ms: the board is not reading (hung, or in the bootloader?)", e);
        } catch (ExecutionException e) {
            pendingWrite = null;
            throw new TransportException("write to " + portName + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("write to " + portName + " interrupted", e);
        }
    }

    private void waitForLine(int length) throws TransportException {
        try {
            pacer.waitForLine(length, baudRate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("write to " + portName + " interrupted", e);
        }
    }

    private SerialPort requireOpen() throws TransportException {
        SerialPort current = port;
        if (vanished) {
            throw new TransportException("cannot write to " + portName + ": board disconnected");
        }
        if (current == null || !open) {
            throw new TransportException("cannot write to " + portName + ": the port is closed");
        }
        return current;
    }

    private void readUntilClosed(TransportListener listener) {
        byte[] buffer = new byte[4096];
        SerialPort current = port;
        while (true) {
            int n = current.readBytes(buffer, buffer.length);
            if (n > 0) {
                deliver(listener, buffer, n);
            } else if (n < 0 || !current.isOpen()) {
                break;
            }
        }
        open = false;
        if (!closing) {
            vanished = true;
        }
        closePortOnce(current);
        if (!closing && disconnectReported.compareAndSet(false, true)) {
            listener.disconnected("board disconnected: " + portName + " vanished");
        }
    }

    private void deliver(TransportListener listener, byte[] buffer, int length) {
        try {
            listener.bytesReceived(buffer, length, System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "listener failed on bytes from " + portName, e);
        }
    }

    @Override
    public String describe() {
        return portName + " @ " + baudRate + " baud";
    }

    @Override
    public boolean isOpen() {
        return open && !vanished;
    }

    @Override
    public synchronized void close() {
        SerialPort current = port;
        if (current == null) {
            return;
        }
        closing = !vanished;
        open = false;
        closePortOnce(current);
        if (reader != null && reader != Thread.currentThread()) {
            try {
                reader.join(READER_JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.shutdownNow();
        port = null;
    }

    /**
     * jSerialComm's closePort holds the port lock while it joins the event thread; so nobody may call it
     * from the event callback while another thread might be closing (that deadlocked), and it runs once.
     */
    private void closePortOnce(SerialPort current) {
        if (portCloseStarted.compareAndSet(false, true)) {
            current.closePort();
        }
    }

    /** The reader thread, for tests that check it ends. */
    Thread readerThread() {
        return reader;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
