package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleListener;
import dev.heapscope.console.ConsoleProtocol;
import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.DumpParser;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Everything a {@link ProfilingSession} knows and does, confined to one session thread: the console
 * protocol and the dump parser over a {@link SessionLink}, the trace state machine, the record of the
 * session, the listeners. Each public-facing method hops onto the session thread itself and returns a
 * future completed there.
 */
final class SessionCore {
    private static final System.Logger LOG = System.getLogger(SessionCore.class.getName());
    static final long TICK_MILLIS = 100;

    private final SessionOptions options;
    private final ScheduledExecutorService thread;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final SessionRecord record = new SessionRecord();
    private final DumpParser parser;
    private final ConsoleProtocol console;
    private final TraceStateMachine trace;
    private final SessionLink link;
    private final HeapPolling polling;
    private final SessionCommands commands;
    private final List<CompletableFuture<Void>> promptWaiters = new ArrayList<>();
    private ConnectionState connection = ConnectionState.DISCONNECTED;
    private String idfVersion;
    private boolean reconnecting;

    SessionCore(Transport transport, SessionOptions options) {
        this.options = options;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "heapscope-session");
            t.setDaemon(true);
            return t;
        });
        this.parser = new DumpParser(new RecordedDumps(record, listeners));
        this.link = new SessionLink(transport, thread, options.rawLogFile(), new LinkEvents());
        this.console = new ConsoleProtocol(transport, parser, new ConsoleEvents());
        this.trace = new TraceStateMachine(options);
        this.polling = new HeapPolling(this);
        this.commands = new SessionCommands(this);
    }

    void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    void reconnectWith(Supplier<Transport> factory, long everyMillis) {
        thread.execute(() -> link.reconnectWith(factory, everyMillis));
    }

    /** Opens the link and starts the timeout ticks. */
    CompletableFuture<Void> connect() {
        return onSessionThread(() -> {
            setConnection(ConnectionState.CONNECTING);
            try {
                link.open();
            } catch (TransportException e) {
                setConnection(ConnectionState.DISCONNECTED);
                throw e;
            }
            setConnection(ConnectionState.CONNECTED);
            addMarker(Marker.Kind.CONNECT, link.describe());
            thread.scheduleWithFixedDelay(() -> console.tick(now()), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        });
    }

    /** Waits for the prompt; an empty line now and then makes an idle board print one. */
    CompletableFuture<Void> awaitPrompt(long timeoutMillis) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        thread.execute(() -> {
            if (console.promptVisible()) {
                ready.complete(null);
                return;
            }
            promptWaiters.add(ready);
            thread.schedule(() -> {
                if (!ready.isDone() && !console.isBusy() && now() - console.lastActivityMillis() > 300) {
                    link.writeQuietly("\n");
                }
            }, 500, TimeUnit.MILLISECONDS);
        });
        return ready.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    HeapPolling polling() {
        return polling;
    }

    SessionCommands commands() {
        return commands;
    }

    TraceStateMachine trace() {
        return trace;
    }

    SessionLink link() {
        return link;
    }

    /** The IDF version the board's boot banner named, or null. */
    String idfVersion() {
        return idfVersion;
    }

    CompletableFuture<SessionSnapshot> snapshot() {
        return onSessionThread(() -> record.snapshot(connection, trace.state(), trace.mode(), link.describe()));
    }

    CompletableFuture<byte[]> transcript() {
        return onSessionThread(record::transcript);
    }

    /** Ends the session, keeping what was received. Any thread. */
    void close() {
        try {
            onSessionThread(() -> {
                console.flush(now());
                parser.finish();
                link.close();
                setConnection(ConnectionState.DISCONNECTED);
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing the session: " + e);
            link.transport().close();
        } finally {
            thread.shutdownNow();
        }
    }

    // ---- session thread, for the classes of this package ----

    /** Sends a command (no refusal check, no marker) with the session's idle timeout. */
    CompletableFuture<CommandResult> send(String lua) {
        return console.send(lua, options.commandTimeoutMillis(), now());
    }

    /** Lua the user typed at the console: {@code >>} after it is an answer, not a failure. */
    CompletableFuture<CommandResult> sendTyped(String lua) {
        return console.sendTyped(lua, options.commandTimeoutMillis(), now());
    }

    /** A poll now would mix with nothing: connected, nothing unanswered, the board at its {@code > } prompt. */
    boolean readyForPoll() {
        return console.idleAtPrompt() && connection == ConnectionState.CONNECTED;
    }

    SessionRecord record() {
        return record;
    }

    ScheduledExecutorService thread() {
        return thread;
    }

    void forEachListener(java.util.function.Consumer<SessionListener> call) {
        listeners.forEach(call);
    }

    <T> CompletableFuture<T> onSessionThread(Callable<T> work) {
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

    void notice(String text) {
        listeners.forEach(l -> l.notice(text));
    }

    private void setConnection(ConnectionState state) {
        connection = state;
        notifyState();
    }

    void notifyState() {
        listeners.forEach(l -> l.stateChanged(connection, trace.state()));
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** The link's reports (session thread). */
    private final class LinkEvents implements SessionLink.Events {
        @Override
        public void bytesReceived(byte[] bytes, long hostMillis) {
            record.addReceived(bytes, hostMillis);
            console.bytesReceived(bytes, bytes.length, hostMillis);
        }

        @Override
        public void linkLost(String reason) {
            console.disconnected(reason, now());
            trace.linkLost();
            reconnecting = false;
            setConnection(ConnectionState.BOARD_LOST);
            addMarker(Marker.Kind.DISCONNECT, reason);
            notice(reason + ". Everything received so far is kept.");
        }

        @Override
        public void linkReopened(String description) {
            console.useTransport(link.transport());
            reconnecting = true; // connected once the board shows its prompt on the new link
            setConnection(ConnectionState.CONNECTING);
            addMarker(Marker.Kind.CONNECT, "reconnected to " + description);
            probeForPrompt();
        }

        @Override
        public void rawLogProblem(String problem) {
            notice(problem);
        }
        private void probeForPrompt() {
            thread.schedule(() -> {
                if (reconnecting) {
                    if (now() - console.lastActivityMillis() > 300) {
                        link.writeQuietly("\n");
                    }
                    probeForPrompt();
                }
            }, 500, TimeUnit.MILLISECONDS);
        }
    }

    /** What the console recognises (session thread). */
    private final class ConsoleEvents implements ConsoleListener {
        @Override
        public void lineReceived(String line, long lineNumber, long hostMillis) {
            polling.deliver(line, hostMillis, listeners); // a poll's own lines go apart
        }

        @Override
        public void boardEvent(LineEvent lineEvent, long hostMillis) {
            record.addEvent(lineEvent);
            BoardEvent event = lineEvent.event();
            if (event instanceof BoardEvent.Banner banner) {
                idfVersion = banner.idfVersion();
                trace.boardReset();
                addMarker(Marker.Kind.RESET, "board reset: every heaptrace state is gone");
                notifyState();
            } else if (event instanceof BoardEvent.Crash crash) {
                addMarker(Marker.Kind.CRASH, crash.reason());
                String why = trace.explainCrash();
                notice("The board crashed (" + crash.reason() + ")" + (why == null ? "" : ": " + why)
                        + ". It reboots: every heaptrace state is gone; everything received is kept.");
            }
            listeners.forEach(l -> l.boardEvent(event, hostMillis));
        }

        @Override
        public void promptShown(long hostMillis) {
            if (reconnecting) {
                reconnecting = false;
                setConnection(ConnectionState.CONNECTED);
                notice("board reconnected on " + link.describe());
            }
            promptWaiters.forEach(w -> w.complete(null));
            promptWaiters.clear();
        }
    }
}
