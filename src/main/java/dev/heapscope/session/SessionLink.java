package dev.heapscope.session;

import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.TransportListener;

import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The session's side of the wire: the transport, the raw log every byte goes to as it arrives, and a
 * new transport when the board comes back after a lost link. Bytes and losses are handed to the
 * session thread. Confined to the session thread, except the transport's own callbacks.
 */
final class SessionLink {
    private static final System.Logger LOG = System.getLogger(SessionLink.class.getName());

    /** What the link reports, on the session thread. */
    interface Events {
        void bytesReceived(byte[] bytes, long hostMillis);

        void linkLost(String reason);

        /** A fresh transport is open after a loss (the board is not known to be ready yet). */
        void linkReopened(String description);

        /** The raw log could not be written (disk full…); the bytes are still kept in memory. */
        void rawLogProblem(String problem);
    }

    private final ScheduledExecutorService thread;
    private final Events events;
    private final RawLog rawLog;
    private Transport transport;
    private Supplier<Transport> reconnector;
    private long reconnectEveryMillis;
    private boolean closed;

    SessionLink(Transport transport, ScheduledExecutorService thread, java.nio.file.Path rawLogFile, Events events) {
        this.transport = transport;
        this.thread = thread;
        this.events = events;
        this.rawLog = rawLogFile == null ? null : new RawLog(rawLogFile);
    }

    void open() throws TransportException {
        transport.open(new BytesIn());
    }

    void reconnectWith(Supplier<Transport> factory, long everyMillis) {
        reconnector = factory;
        reconnectEveryMillis = everyMillis;
    }

    Transport transport() {
        return transport;
    }

    String describe() {
        return transport.describe();
    }

    int baudRate() {
        return transport.baudRate();
    }

    void write(byte[] bytes) throws TransportException {
        transport.write(bytes);
    }

    /** Writes and forgets: a probe for the prompt, where a failure only means no prompt comes. */
    void writeQuietly(String text) {
        try {
            transport.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (TransportException e) {
            LOG.log(System.Logger.Level.DEBUG, "probe write failed: " + e.getMessage());
        }
    }

    void setBaudRate(int baudRate) throws TransportException {
        transport.setBaudRate(baudRate);
    }

    boolean resetBoard() throws TransportException {
        return transport.resetBoard();
    }

    void close() {
        closed = true;
        transport.close();
        if (rawLog != null) {
            rawLog.close();
        }
    }

    private void scheduleReconnect() {
        if (reconnector != null && reconnectEveryMillis > 0) {
            thread.schedule(this::tryReconnect, reconnectEveryMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void tryReconnect() {
        if (closed) {
            return;
        }
        Transport fresh = reconnector.get();
        try {
            fresh.open(new BytesIn());
        } catch (TransportException | RuntimeException e) {
            fresh.close();
            scheduleReconnect();
            return;
        }
        transport.close();
        transport = fresh;
        events.linkReopened(fresh.describe());
    }

    /** Transport thread → session thread. */
    private final class BytesIn implements TransportListener {
        @Override
        public void bytesReceived(byte[] buffer, int length, long hostMillis) {
            byte[] copy = Arrays.copyOf(buffer, length);
            thread.execute(() -> {
                if (rawLog != null) {
                    String problem = rawLog.append(copy);
                    if (problem != null) {
                        events.rawLogProblem(problem);
                    }
                }
                events.bytesReceived(copy, hostMillis);
            });
        }

        @Override
        public void disconnected(String reason) {
            thread.execute(() -> {
                events.linkLost(reason);
                scheduleReconnect();
            });
        }
    }
}
