package dev.heapscope.session;

import dev.heapscope.console.BoardEvent;
import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.console.ConsoleListener;
import dev.heapscope.console.ConsoleProtocol;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.SymbolHint;
import dev.heapscope.model.TraceMode;
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
 * A profiling session with one board: the {@code heaptrace} verbs, a state machine that mirrors the
 * board's (refusing the verbs known to crash boards), every dump parsed as it arrives, heap polls,
 * markers and the raw transcript of every byte.
 *
 * <p>All state lives on one session thread; the public methods may be called from any thread and
 * return futures completed on the session thread. Listeners are called on the session thread.
 */
public final class ProfilingSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProfilingSession.class.getName());
    private static final long TICK_MILLIS = 100;

    private static final int CONSOLE_LINE_LIMIT = 255;

    private Transport transport;
    private final SessionOptions options;
    private final RawLog rawLog;
    private java.util.function.Supplier<Transport> reconnector;
    private long reconnectEveryMillis;
    private String idfVersion;
    private final ScheduledExecutorService thread;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final SessionRecord record = new SessionRecord();
    private final DumpParser parser;
    private final ConsoleProtocol console;
    private final TraceStateMachine trace;
    private ConnectionState connection = ConnectionState.DISCONNECTED;
    private ScheduledFuture<?> polling;
    private final List<CompletableFuture<Void>> promptWaiters = new ArrayList<>();

    public ProfilingSession(Transport transport, SessionOptions options) {
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

    /**
     * After the board is lost (cable pulled), tries every {@code everyMillis} to open a fresh link
     * from {@code factory} (the same port, once it is back), and goes on where it left off.
     */
    public void reconnectWith(java.util.function.Supplier<Transport> factory, long everyMillis) {
        thread.execute(() -> {
            reconnector = factory;
            reconnectEveryMillis = everyMillis;
        });
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /** Opens the link; bytes start flowing into the session. */
    public CompletableFuture<Void> connect() {
        return onSessionThread(() -> {
            setConnection(ConnectionState.CONNECTING);
            try {
                transport.open(new BytesIn());
            } catch (TransportException e) {
                setConnection(ConnectionState.DISCONNECTED);
                throw new java.util.concurrent.CompletionException(e);
            }
            setConnection(ConnectionState.CONNECTED);
            addMarker(Marker.Kind.CONNECT, transport.describe());
            thread.scheduleWithFixedDelay(() -> console.tick(now()), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        });
    }

    /**
     * Waits until the board shows its prompt. When nothing arrives for a moment, sends an empty line
     * to make an idle board print one.
     */
    public CompletableFuture<Void> awaitPrompt(long timeoutMillis) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        thread.execute(() -> {
            if (console.promptVisible()) {
                ready.complete(null);
            } else {
                promptWaiters.add(ready);
                thread.schedule(() -> {
                    if (!ready.isDone() && !console.isBusy() && now() - console.lastActivityMillis() > 300) {
                        writeQuietly("\n");
                    }
                }, 500, TimeUnit.MILLISECONDS);
            }
        });
        return ready.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public CompletableFuture<CommandResult> init(int records) {
        return verb(trace.checkInit(records), "heaptrace.init(" + records + ")", Marker.Kind.INIT,
                () -> trace.initialized(records));
    }

    public CompletableFuture<CommandResult> start(TraceMode mode) {
        String constant = mode == TraceMode.LEAKS ? "heaptrace.TRACE_LEAKS" : "heaptrace.TRACE_ALL";
        return verb(trace.checkStart(), "heaptrace.start(" + constant + ")", Marker.Kind.START,
                () -> trace.started(mode));
    }

    public CompletableFuture<CommandResult> stop() {
        return verb(trace.checkStop(), "heaptrace.stop()", Marker.Kind.STOP, trace::stopped);
    }

    public CompletableFuture<CommandResult> resume() {
        return verb(trace.checkResume(), "heaptrace.resume()", Marker.Kind.RESUME, trace::resumed);
    }

    /** Runs {@code collectgarbage()} so garbage is not mistaken for leaks. */
    public CompletableFuture<CommandResult> collectGarbage() {
        return verb(null, "collectgarbage()", Marker.Kind.GC, () -> { });
    }

    /** Prints a dump and completes with it once parsed. */
    public CompletableFuture<Dump> dump() {
        CompletableFuture<Dump> result = new CompletableFuture<>();
        thread.execute(() -> {
            String refusal = trace.checkDump();
            if (refusal != null) {
                result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED, refusal));
                return;
            }
            String slow = DumpDuration.warning(trace.bufferRecords(), record.typicalDepth(), transport.baudRate());
            if (slow != null && trace.expectsFramedDump(FirmwareCheck.dialectOf(idfVersion))) {
                listeners.forEach(l -> l.notice(slow));
            }
            int before = record.dumpCount();
            // A long dump at a slow baud takes a while, but bytes keep coming: the timeout is per silence.
            console.send("heaptrace.dump()", options.commandTimeoutMillis(), now()).whenComplete((answer, error) -> {
                parser.promptShown();
                if (error != null) {
                    result.completeExceptionally(error);
                } else if (record.dumpCount() == before) {
                    result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED,
                            "heaptrace.dump() printed no dump: " + abbreviate(answer.text())));
                } else {
                    Dump dump = record.lastDump();
                    addMarker(Marker.Kind.DUMP, "dump #" + (dump.index() + 1) + ", " + dump.records().size() + " records");
                    result.complete(dump);
                }
            });
        });
        return result;
    }

    /** Polls {@code node.heap()} once. */
    public CompletableFuture<HeapSample> pollHeap() {
        CompletableFuture<HeapSample> result = new CompletableFuture<>();
        thread.execute(() -> console.send("=node.heap()", options.commandTimeoutMillis(), now())
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                        return;
                    }
                    HeapSample sample = HeapReading.parse(answer, now());
                    if (sample == null) {
                        result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED,
                                "node.heap() answered something that is not a number: " + abbreviate(answer.text())));
                        return;
                    }
                    record.addSample(sample);
                    listeners.forEach(l -> l.heapSampled(sample));
                    result.complete(sample);
                }));
        return result;
    }

    /** Polls the heap every {@code intervalMillis} while the console is idle; 0 stops polling. */
    public void pollHeapEvery(long intervalMillis) {
        thread.execute(() -> {
            if (polling != null) {
                polling.cancel(false);
                polling = null;
            }
            if (intervalMillis > 0) {
                polling = thread.scheduleWithFixedDelay(() -> {
                    if (!console.isBusy() && connection == ConnectionState.CONNECTED) {
                        pollHeap();
                    }
                }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Any Lua line(s), as typed at the console. Lines over NodeMCU's 255 characters are refused. */
    public CompletableFuture<CommandResult> execute(String lua) {
        return verb(lineTooLong(lua), lua, null, () -> { });
    }

    /** Switches the board's console speed with {@code uart.setup} and follows it. */
    public CompletableFuture<CommandResult> changeBaudRate(int baudRate) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        thread.execute(() -> {
            String lua = "uart.setup(0, " + baudRate + ", 8, uart.PARITY_NONE, uart.STOPBITS_1, 1)";
            record.addCommand(lua, now());
            // The board answers at the new speed: follow it as soon as the line is out.
            console.send(lua, options.commandTimeoutMillis(), now()).whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(answer);
                }
            });
            try {
                transport.setBaudRate(baudRate);
                addMarker(Marker.Kind.COMMAND, "console speed " + baudRate + " baud");
            } catch (TransportException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Pulses the board's reset line; fails when the link has none (a pseudo-terminal). */
    public CompletableFuture<Void> resetBoard() {
        return onSessionThread(() -> {
            if (!transport.resetBoard()) {
                throw new ConsoleException(ConsoleException.Kind.REFUSED, transport.describe()
                        + " has no reset line (RTS): press the board's EN button");
            }
            return null;
        });
    }

    /** Asks the firmware whether it has the heaptrace module, and which dump dialect to expect. */
    public CompletableFuture<FirmwareCheck> checkFirmware() {
        return execute(FirmwareCheck.PROBE).thenApplyAsync(answer -> FirmwareCheck.parse(answer, idfVersion), thread);
    }

    private static String lineTooLong(String lua) {
        String[] lines = lua.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > CONSOLE_LINE_LIMIT) {
                return "line " + (i + 1) + " of the Lua is " + lines[i].length() + " characters; NodeMCU's console keeps "
                        + "at most " + CONSOLE_LINE_LIMIT + " (it would silently drop the start). Split it into "
                        + "shorter lines or upload it as a file.";
            }
        }
        return null;
    }

    /** A consistent copy of everything the session holds, for views, exports and tests. */
    public CompletableFuture<SessionSnapshot> snapshot() {
        return onSessionThread(() -> record.snapshot(connection, trace.state(), trace.mode(), transport.describe()));
    }

    /** Every byte the board sent so far, in order. */
    public CompletableFuture<byte[]> transcript() {
        return onSessionThread(record::transcript);
    }

    @Override
    public void close() {
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

    private CompletableFuture<CommandResult> verb(String refusal, String lua, Marker.Kind marker, Runnable onSuccess) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        thread.execute(() -> {
            String why = refusal;
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

    private <T> CompletableFuture<T> onSessionThread(java.util.concurrent.Callable<T> work) {
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

    private void addMarker(Marker.Kind kind, String detail) {
        Marker marker = new Marker(kind, now(), detail);
        record.addMarker(marker);
        listeners.forEach(l -> l.markerAdded(marker));
    }

    private void setConnection(ConnectionState state) {
        connection = state;
        notifyState();
    }

    private void notifyState() {
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
        setConnection(ConnectionState.CONNECTED);
        addMarker(Marker.Kind.CONNECT, "reconnected to " + fresh.describe());
        listeners.forEach(l -> l.notice("board reconnected on " + fresh.describe()));
    }

    private void writeQuietly(String text) {
        try {
            transport.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (TransportException e) {
            LOG.log(System.Logger.Level.DEBUG, "probe write failed: " + e.getMessage());
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static String abbreviate(String text) {
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
                parser.promptShown();
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
            }
            listeners.forEach(l -> l.boardEvent(event, hostMillis));
        }

        @Override
        public void promptShown(long hostMillis) {
            parser.promptShown();
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
