package dev.heapscope.session;

import dev.heapscope.console.BoardEvent;
import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.console.ConsoleListener;
import dev.heapscope.console.ConsoleProtocol;
import dev.heapscope.model.Dump;
import dev.heapscope.model.SymbolHint;
import dev.heapscope.parse.DumpListener;
import dev.heapscope.parse.DumpParser;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.TransportListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The state of a {@link ProfilingSession} and everything that arrives from the board: bytes, lines,
 * board events, dumps, a lost link and its reconnection. Every field is confined to the one session
 * thread; {@link ProfilingSession} is the public face that hops onto it.
 */
final class SessionCore {
    private static final System.Logger LOG = System.getLogger(SessionCore.class.getName());
    static final long TICK_MILLIS = 100;

    final SessionOptions options;
    final ScheduledExecutorService thread;
    final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    final SessionRecord record = new SessionRecord();
    final DumpParser parser;
    final ConsoleProtocol console;
    final TraceStateMachine trace;
    final List<CompletableFuture<Void>> promptWaiters = new ArrayList<>();
    Transport transport;
    ConnectionState connection = ConnectionState.DISCONNECTED;
    String idfVersion;
    ScheduledFuture<?> polling;
    private final RawLog rawLog;
    private java.util.function.Supplier<Transport> reconnector;
    private long reconnectEveryMillis;
    private boolean reconnecting;

    SessionCore(Transport transport, SessionOptions options) {
        this.transport = transport;
        this.options = options;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "heapscope-session");
            t.setDaemon(true);
            return t;
        });
        this.parser = new DumpParser(new ParsedDumps());
        this.console = new ConsoleProtocol(transport, parser, new ConsoleEvents());
        this.trace = new TraceStateMachine(options);
        this.rawLog = options.rawLogFile() == null ? null : new RawLog(options.rawLogFile());
    }

    void reconnectWith(java.util.function.Supplier<Transport> factory, long everyMillis) {
        reconnector = factory;
        reconnectEveryMillis = everyMillis;
    }

    /** Session thread: opens the link and starts the timeout ticks. */
    void open() throws TransportException {
        setConnection(ConnectionState.CONNECTING);
        try {
            transport.open(new BytesIn());
        } catch (TransportException e) {
            setConnection(ConnectionState.DISCONNECTED);
            throw e;
        }
        setConnection(ConnectionState.CONNECTED);
        addMarker(Marker.Kind.CONNECT, transport.describe());
        thread.scheduleWithFixedDelay(() -> console.tick(now()), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Any thread: ends the session, keeping what was received. */
    void close() {
        try {
            onSessionThread(() -> {
                console.flush(now());
                parser.finish();
                transport.close();
                if (rawLog != null) {
                    rawLog.close();
                }
                setConnection(ConnectionState.DISCONNECTED);
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing the session: " + e);
            transport.close();
        } finally {
            thread.shutdownNow();
        }
    }

    CompletableFuture<CommandResult> verb(java.util.function.Supplier<String> refusal, String lua, Marker.Kind marker, Runnable onSuccess) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        thread.execute(() -> {
            String why = refusal.get(); // judged on the session thread, where the state lives
            if (why != null) {
                result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED, why));
                return;
            }
            record.addCommand(lua, now());
            console.send(lua, options.commandTimeoutMillis(), now()).whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                    return;
                }
                if (!answer.failed()) {
                    onSuccess.run();
                    notifyState();
                    if (marker != null) {
                        addMarker(marker, lua.replace("heaptrace.", ""));
                    }
                }
                result.complete(answer);
            });
        });
        return result;
    }

    <T> CompletableFuture<T> onSessionThread(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : e);
            }
        });
        return result;
    }

    void addMarker(Marker.Kind kind, String detail) {
        Marker marker = new Marker(kind, now(), detail);
        record.addMarker(marker);
        listeners.forEach(l -> l.markerAdded(marker));
    }

    void setConnection(ConnectionState state) {
        connection = state;
        notifyState();
    }

    void notifyState() {
        listeners.forEach(l -> l.stateChanged(connection, trace.state()));
    }

    private void scheduleReconnect() {
        if (reconnector == null || reconnectEveryMillis <= 0) {
            return;
        }
        thread.schedule(this::tryReconnect, reconnectEveryMillis, TimeUnit.MILLISECONDS);
    }

    private void tryReconnect() {
        if (connection != ConnectionState.BOARD_LOST) {
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
        console.useTransport(fresh);
        reconnecting = true;
        setConnection(ConnectionState.CONNECTING);
        addMarker(Marker.Kind.CONNECT, "reconnected to " + fresh.describe());
        probeForPrompt();
    }

    /** While the new link has not shown a prompt, an empty line now and then makes an idle board print one. */
    private void probeForPrompt() {
        thread.schedule(() -> {
            if (reconnecting && connection == ConnectionState.CONNECTING) {
                if (now() - console.lastActivityMillis() > 300) {
                    writeQuietly("\n");
                }
                probeForPrompt();
            }
        }, 500, TimeUnit.MILLISECONDS);
    }

    void writeQuietly(String text) {
        try {
            transport.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (TransportException e) {
            LOG.log(System.Logger.Level.DEBUG, "probe write failed: " + e.getMessage());
        }
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Transport thread → session thread. */
    private final class BytesIn implements TransportListener {
        @Override
        public void bytesReceived(byte[] buffer, int length, long hostMillis) {
            byte[] copy = java.util.Arrays.copyOf(buffer, length);
            thread.execute(() -> {
                record.addReceived(copy, hostMillis);
                if (rawLog != null) {
                    String problem = rawLog.append(copy);
                    if (problem != null) {
                        listeners.forEach(l -> l.notice(problem));
                    }
                }
                console.bytesReceived(copy, copy.length, hostMillis);
            });
        }

        @Override
        public void disconnected(String reason) {
            thread.execute(() -> {
                long at = now();
                console.disconnected(reason, at);
                trace.linkLost();
                setConnection(ConnectionState.BOARD_LOST);
                addMarker(Marker.Kind.DISCONNECT, reason);
                listeners.forEach(l -> l.notice(reason + ". Everything received so far is kept."));
                scheduleReconnect();
            });
        }
    }

    private final class ConsoleEvents implements ConsoleListener {
        @Override
        public void lineReceived(String line, long lineNumber, long hostMillis) {
            listeners.forEach(l -> l.consoleLine(line, hostMillis));
        }

        @Override
        public void boardEvent(BoardEvent event, long hostMillis) {
            if (event instanceof BoardEvent.Banner banner) {
                idfVersion = banner.idfVersion();
                trace.boardReset();
                addMarker(Marker.Kind.RESET, "board reset: every heaptrace state is gone");
                notifyState();
            } else if (event instanceof BoardEvent.Crash crash) {
                addMarker(Marker.Kind.CRASH, crash.reason());
                String why = trace.explainCrash();
                String text = "The board crashed (" + crash.reason() + ")" + (why == null ? "" : ": " + why)
                        + ". It reboots: every heaptrace state is gone; everything received is kept.";
                listeners.forEach(l -> l.notice(text));
            }
            listeners.forEach(l -> l.boardEvent(event, hostMillis));
        }

        @Override
        public void promptShown(long hostMillis) {
            if (connection == ConnectionState.CONNECTING && reconnecting) {
                reconnecting = false; // the new link is only usable once the board answers on it
                setConnection(ConnectionState.CONNECTED);
                listeners.forEach(l -> l.notice("board reconnected on " + transport.describe()));
            }
            promptWaiters.forEach(w -> w.complete(null));
            promptWaiters.clear();
        }
    }

    private final class ParsedDumps implements DumpListener {
        @Override
        public void dumpParsed(Dump dump) {
            record.addDump(dump);
            listeners.forEach(l -> l.dumpReceived(dump));
        }

        @Override
        public void symbolFound(SymbolHint hint) {
            record.addSymbol(hint);
        }
    }
}
