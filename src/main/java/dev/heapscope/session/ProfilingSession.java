package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.TraceMode;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;

import java.util.concurrent.CompletableFuture;
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
    private static final int CONSOLE_LINE_LIMIT = 255;

    private final SessionCore core;

    public ProfilingSession(Transport transport, SessionOptions options) {
        this.core = new SessionCore(transport, options);
    }

    /**
     * After the board is lost (cable pulled), tries every {@code everyMillis} to open a fresh link
     * from {@code factory} (the same port, once it is back), and goes on where it left off.
     */
    public void reconnectWith(java.util.function.Supplier<Transport> factory, long everyMillis) {
        core.thread.execute(() -> core.reconnectWith(factory, everyMillis));
    }

    public void addListener(SessionListener listener) {
        core.listeners.add(listener);
    }

    /** Opens the link; bytes start flowing into the session. */
    public CompletableFuture<Void> connect() {
        return core.onSessionThread(() -> {
            core.open();
            return null;
        });
    }

    /**
     * Waits until the board shows its prompt. When nothing arrives for a moment, sends an empty line
     * to make an idle board print one.
     */
    public CompletableFuture<Void> awaitPrompt(long timeoutMillis) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        core.thread.execute(() -> {
            if (core.console.promptVisible()) {
                ready.complete(null);
            } else {
                core.promptWaiters.add(ready);
                core.thread.schedule(() -> {
                    if (!ready.isDone() && !core.console.isBusy() && SessionCore.now() - core.console.lastActivityMillis() > 300) {
                        core.writeQuietly("\n");
                    }
                }, 500, TimeUnit.MILLISECONDS);
            }
        });
        return ready.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public CompletableFuture<CommandResult> init(int records) {
        return core.verb(() -> core.trace.checkInit(records), "heaptrace.init(" + records + ")", Marker.Kind.INIT,
                () -> core.trace.initialized(records));
    }

    public CompletableFuture<CommandResult> start(TraceMode mode) {
        String constant = mode == TraceMode.LEAKS ? "heaptrace.TRACE_LEAKS" : "heaptrace.TRACE_ALL";
        return core.verb(() -> core.trace.checkStart(), "heaptrace.start(" + constant + ")", Marker.Kind.START,
                () -> core.trace.started(mode));
    }

    public CompletableFuture<CommandResult> stop() {
        return core.verb(() -> core.trace.checkStop(), "heaptrace.stop()", Marker.Kind.STOP, core.trace::stopped);
    }

    public CompletableFuture<CommandResult> resume() {
        return core.verb(() -> core.trace.checkResume(), "heaptrace.resume()", Marker.Kind.RESUME, core.trace::resumed);
    }

    /** Runs {@code collectgarbage()} so garbage is not mistaken for leaks. */
    public CompletableFuture<CommandResult> collectGarbage() {
        return core.verb(() -> null, "collectgarbage()", Marker.Kind.GC, () -> { });
    }

    /** Prints a dump and completes with it once parsed. */
    public CompletableFuture<Dump> dump() {
        CompletableFuture<Dump> result = new CompletableFuture<>();
        core.thread.execute(() -> {
            String refusal = core.trace.checkDump();
            if (refusal != null) {
                result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED, refusal));
                return;
            }
            String slow = DumpDuration.warning(core.trace.bufferRecords(), core.record.typicalDepth(), core.transport.baudRate());
            if (slow != null && core.trace.expectsFramedDump(FirmwareCheck.dialectOf(core.idfVersion))) {
                core.listeners.forEach(l -> l.notice(slow));
            }
            int before = core.record.dumpCount();
            // A long dump at a slow baud takes a while, but bytes keep coming: the timeout is per silence.
            core.console.send("heaptrace.dump()", core.options.commandTimeoutMillis(), SessionCore.now()).whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else if (core.record.dumpCount() == before) {
                    result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED,
                            "heaptrace.dump() printed no dump: " + SessionCore.abbreviate(answer.text())));
                } else {
                    Dump dump = core.record.lastDump();
                    core.addMarker(Marker.Kind.DUMP, "dump #" + (dump.index() + 1) + ", " + dump.records().size() + " records");
                    result.complete(dump);
                }
            });
        });
        return result;
    }

    /** Polls {@code node.heap()} once. */
    public CompletableFuture<HeapSample> pollHeap() {
        CompletableFuture<HeapSample> result = new CompletableFuture<>();
        core.thread.execute(() -> core.console.send("=node.heap()", core.options.commandTimeoutMillis(), SessionCore.now())
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                        return;
                    }
                    HeapSample sample = HeapReading.parse(answer, SessionCore.now());
                    if (sample == null) {
                        result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED,
                                "node.heap() answered something that is not a number: " + SessionCore.abbreviate(answer.text())));
                        return;
                    }
                    core.record.addSample(sample);
                    core.listeners.forEach(l -> l.heapSampled(sample));
                    result.complete(sample);
                }));
        return result;
    }

    /** Polls the heap every {@code intervalMillis} while the console is idle; 0 stops polling. */
    public void pollHeapEvery(long intervalMillis) {
        core.thread.execute(() -> {
            if (core.polling != null) {
                core.polling.cancel(false);
                core.polling = null;
            }
            if (intervalMillis > 0) {
                core.polling = core.thread.scheduleWithFixedDelay(() -> {
                    if (!core.console.isBusy() && core.connection == ConnectionState.CONNECTED) {
                        pollHeap();
                    }
                }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Any Lua line(s), as typed at the console. Lines over NodeMCU's 255 characters are refused; heaptrace
     * verbs typed whole are sent as typed (even the ones the toolbar refuses) and followed like the toolbar's.
     */
    public CompletableFuture<CommandResult> execute(String lua) {
        return core.verb(() -> lineTooLong(lua), lua, null, () -> TypedVerbs.observe(lua, core.trace));
    }

    /** Switches the board's console speed with {@code uart.setup} and follows it. */
    public CompletableFuture<CommandResult> changeBaudRate(int baudRate) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        core.thread.execute(() -> {
            String lua = "uart.setup(0, " + baudRate + ", 8, uart.PARITY_NONE, uart.STOPBITS_1, 1)";
            core.record.addCommand(lua, SessionCore.now());
            // The board answers at the new speed: follow it as soon as the line is out.
            core.console.send(lua, core.options.commandTimeoutMillis(), SessionCore.now()).whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(answer);
                }
            });
            try {
                core.transport.setBaudRate(baudRate);
                core.addMarker(Marker.Kind.COMMAND, "console speed " + baudRate + " baud");
            } catch (TransportException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Pulses the board's reset line; fails when the link has none (a pseudo-terminal). */
    public CompletableFuture<Void> resetBoard() {
        return core.onSessionThread(() -> {
            if (!core.transport.resetBoard()) {
                throw new ConsoleException(ConsoleException.Kind.REFUSED, core.transport.describe()
                        + " has no reset line (RTS): press the board's EN button");
            }
            return null;
        });
    }

    /** Asks the firmware whether it has the heaptrace module, and which dump dialect to expect. */
    public CompletableFuture<FirmwareCheck> checkFirmware() {
        return execute(FirmwareCheck.PROBE).thenApplyAsync(answer -> FirmwareCheck.parse(answer, core.idfVersion), core.thread);
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
        return core.onSessionThread(() -> core.record.snapshot(core.connection, core.trace.state(), core.trace.mode(), core.transport.describe()));
    }

    /** Every byte the board sent so far, in order. */
    public CompletableFuture<byte[]> transcript() {
        return core.onSessionThread(core.record::transcript);
    }

    @Override
    public void close() {
        core.close();
    }

}
