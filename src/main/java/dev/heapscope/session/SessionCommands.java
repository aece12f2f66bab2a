package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.transport.TransportException;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a session says to the board: the heaptrace verbs (refused when the trace state machine knows
 * they would fail or crash the board), typed Lua, dumps, the console speed switch, the reset line and
 * the firmware check. Each returns a future completed on the session thread.
 */
final class SessionCommands {
    static final String FULL_COLLECTION = "collectgarbage() collectgarbage()";
    private final SessionCore core;

    SessionCommands(SessionCore core) {
        this.core = core;
    }

    CompletableFuture<CommandResult> init(int records) {
        return verb(() -> core.trace().checkInit(records), "heaptrace.init(" + records + ")", Marker.Kind.INIT,
                () -> core.trace().initialized(records));
    }

    CompletableFuture<CommandResult> start(TraceMode mode) {
        String constant = mode == TraceMode.LEAKS ? "heaptrace.TRACE_LEAKS" : "heaptrace.TRACE_ALL";
        return verb(core.trace()::checkStart, "heaptrace.start(" + constant + ")", Marker.Kind.START,
                () -> core.trace().started(mode));
    }

    CompletableFuture<CommandResult> stop() {
        return verb(core.trace()::checkStop, "heaptrace.stop()", Marker.Kind.STOP, core.trace()::stopped);
    }

    CompletableFuture<CommandResult> resume() {
        return verb(core.trace()::checkResume, "heaptrace.resume()", Marker.Kind.RESUME, core.trace()::resumed);
    }

    CompletableFuture<CommandResult> collectGarbage() {
        return verb(() -> null, "collectgarbage()", Marker.Kind.GC, () -> { });
    }

    CompletableFuture<CommandResult> collectGarbageFully() {
        return verb(() -> null, FULL_COLLECTION, Marker.Kind.GC, () -> { });
    }

    /** Lua as typed; heaptrace verbs typed whole are followed like the toolbar's (see {@link TypedVerbs}). */
    CompletableFuture<CommandResult> execute(String lua, String refusal) {
        return verb(() -> refusal, lua, null, () -> TypedVerbs.observe(lua, core.trace()));
    }

    /** A line typed at the console: as {@link #execute}, but the board asking for more ({@code >>}) answers it. */
    CompletableFuture<CommandResult> typed(String lua, String refusal) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        core.thread().execute(() -> {
            if (refusal != null) {
                result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED, refusal));
                return;
            }
            core.record().addCommand(lua, SessionCore.now());
            core.sendTyped(lua).whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                    return;
                }
                if (!answer.failed() && !answer.wantsMore()) {
                    TypedVerbs.observe(lua, core.trace());
                    core.notifyState();
                }
                result.complete(answer);
            });
        });
        return result;
    }

    /** Prints a dump and completes with it once parsed. */
    CompletableFuture<Dump> dump() {
        CompletableFuture<Dump> result = new CompletableFuture<>();
        core.thread().execute(() -> {
            String refusal = core.trace().checkDump();
            if (refusal != null) {
                result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED, refusal));
                return;
            }
            String slow = DumpDuration.warning(core.trace().bufferRecords(), core.record().typicalDepth(), core.link().baudRate());
            if (slow != null && core.trace().expectsFramedDump(FirmwareCheck.dialectOf(core.idfVersion()))) {
                core.notice(slow);
            }
            int before = core.record().dumpCount();
            // A long dump at a slow baud takes a while, but bytes keep coming: the timeout is per silence.
            core.send("heaptrace.dump()").whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else if (core.record().dumpCount() == before) {
                    result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED,
                            "heaptrace.dump() printed no dump: " + SessionCore.abbreviate(answer.text())));
                } else {
                    Dump dump = core.record().lastDump();
                    core.addMarker(Marker.Kind.DUMP, "dump #" + (dump.index() + 1) + ", " + dump.records().size() + " records");
                    result.complete(dump);
                }
            });
        });
        return result;
    }

    /** Switches the board's console speed with {@code uart.setup} and follows it as soon as the line is out. */
    CompletableFuture<CommandResult> changeBaudRate(int baudRate) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        core.thread().execute(() -> {
            String lua = "uart.setup(0, " + baudRate + ", 8, uart.PARITY_NONE, uart.STOPBITS_1, 1)";
            core.record().addCommand(lua, SessionCore.now());
            core.send(lua).whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(answer);
                }
            });
            try {
                core.link().setBaudRate(baudRate);
                core.addMarker(Marker.Kind.COMMAND, "console speed " + baudRate + " baud");
            } catch (TransportException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    CompletableFuture<Void> resetBoard() {
        return core.onSessionThread(() -> {
            if (!core.link().resetBoard()) {
                throw new ConsoleException(ConsoleException.Kind.REFUSED, core.link().describe()
                        + " has no reset line (RTS): press the board's EN button");
            }
            return null;
        });
    }

    CompletableFuture<FirmwareCheck> checkFirmware() {
        return execute(FirmwareCheck.PROBE, null).thenApplyAsync(answer -> FirmwareCheck.parse(answer, core.idfVersion()), core.thread());
    }

    /**
     * Sends {@code lua} unless {@code refusal} (judged on the session thread) has a reason not to; on success
     * runs {@code onSuccess} there and adds the marker.
     */
    private CompletableFuture<CommandResult> verb(Supplier<String> refusal, String lua, Marker.Kind marker, Runnable onSuccess) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        core.thread().execute(() -> {
            String why = refusal.get(); // judged on the session thread, where the state lives
            if (why != null) {
                result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED, why));
                return;
            }
            core.record().addCommand(lua, SessionCore.now());
            core.send(lua).whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                    return;
                }
                if (!answer.failed()) {
                    onSuccess.run();
                    core.notifyState();
                    if (marker != null) {
                        core.addMarker(marker, lua.replace("heaptrace.", ""));
                    }
                }
                result.complete(answer);
            });
        });
        return result;
    }
}
