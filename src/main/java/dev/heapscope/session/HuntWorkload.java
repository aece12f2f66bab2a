package dev.heapscope.session;

import dev.heapscope.sim.ScenarioHeader;

import dev.heapscope.console.CommandResult;
import dev.heapscope.sim.SimulatedBoard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a leak hunt runs between its two dumps: a Lua line, a script on the virtual board (and its
 * virtual seconds), a wait while a real board does its own work, or whatever the user does meanwhile.
 * It completes with the board's answer (null when it is not a command).
 */
public interface HuntWorkload {
    CompletableFuture<CommandResult> start(ProfilingSession session);

    /** What it is, for progress lines: {@code dofile("app.lua") and 30 s of virtual time}. */
    String describe();

    /** What it puts in place before the trace starts, in words; null when nothing. */
    default String preparation() {
        return null;
    }

    /** Puts that in place (before {@code heaptrace.init}, so it is not traced); fails when the board refuses. */
    default CompletableFuture<Void> prepare(ProfilingSession session) {
        return CompletableFuture.completedFuture(null);
    }

    /** This, then {@code next}: both prepared before the trace, both run between the dumps. */
    default HuntWorkload followedBy(HuntWorkload next) {
        HuntWorkload first = this;
        return new HuntWorkload() {
            @Override
            public String preparation() {
                String a = first.preparation();
                String b = next.preparation();
                return a == null ? b : b == null ? a : a + ", " + b;
            }

            @Override
            public CompletableFuture<Void> prepare(ProfilingSession session) {
                return first.prepare(session).thenCompose(ok -> next.prepare(session));
            }

            @Override
            public CompletableFuture<CommandResult> start(ProfilingSession session) {
                // the first's answer is the one that says whether the Lua failed
                return first.start(session).thenCompose(answer -> next.start(session).thenApply(ignored -> answer));
            }

            @Override
            public String describe() {
                return first.describe() + ", then " + next.describe();
            }
        };
    }

    static HuntWorkload lua(String line) {
        return new HuntWorkload() {
            @Override
            public CompletableFuture<CommandResult> start(ProfilingSession session) {
                return session.execute(line);
            }

            @Override
            public String describe() {
                return line;
            }
        };
    }

    /** Runs a file that is already in the board's flash. */
    static HuntWorkload dofile(String fileName) {
        return lua("dofile(" + ScriptUpload.quoted(fileName) + ")");
    }

    /**
     * Stores {@code text} as {@code fileName} in the virtual board's flash, runs it, then runs its timers. A
     * header's {@code expect.warmup.seconds} moves the script and its warm-up before the trace (see
     * {@link ScenarioHeader}); only the steady state's {@code virtualSeconds} then run between the dumps.
     */
    static HuntWorkload scriptOnVirtualBoard(SimulatedBoard board, String fileName, String text, long virtualSeconds) {
        return scriptOnVirtualBoard(board, fileName, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), virtualSeconds);
    }

    /**
     * As {@link #scriptOnVirtualBoard(SimulatedBoard, String, String, long)} with the script's bytes as they are
     * in its file: a byte that is not UTF-8 (a {@code "\255"} typed as one byte) reaches Lua unchanged.
     */
    static HuntWorkload scriptOnVirtualBoard(SimulatedBoard board, String fileName, byte[] script, long virtualSeconds) {
        Long warmup = ScenarioHeader.warmupOf(VirtualScript.headerText(script));
        return warmup == null ? new VirtualScript(board, fileName, script, virtualSeconds)
                : new WarmedUpScript(new VirtualScript(board, fileName, script, warmup), board, virtualSeconds);
    }

    /**
     * Writes {@code text} into the board's flash as {@code fileName} through its console (any board with the
     * file module), then runs it with {@code dofile}.
     */
    static HuntWorkload uploadedScript(String fileName, byte[] text) {
        ScriptUpload upload = new ScriptUpload(fileName, text);
        return new HuntWorkload() {
            @Override
            public String preparation() {
                return "upload " + fileName + " (" + text.length + " bytes)";
            }

            @Override
            public CompletableFuture<Void> prepare(ProfilingSession session) {
                return upload.sendTo(session);
            }

            @Override
            public CompletableFuture<CommandResult> start(ProfilingSession session) {
                return session.execute(upload.dofile());
            }

            @Override
            public String describe() {
                return upload.dofile();
            }
        };
    }

    /** Lets a real board run on its own for a while (its timers, its network). */
    static HuntWorkload waitMillis(long millis) {
        return new HuntWorkload() {
            @Override
            public CompletableFuture<CommandResult> start(ProfilingSession session) {
                return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
            }

            @Override
            public String describe() {
                return "the board's own work for " + (millis / 1000) + " s";
            }
        };
    }

    /**
     * The virtual board's "use the device now": while the user types at its console, its timers run, the
     * virtual clock following the wall clock, until {@code done}.
     */
    static HuntWorkload userActionOnVirtualBoard(SimulatedBoard board, String what,
                                                 java.util.function.Supplier<CompletableFuture<Void>> done) {
        return new HuntWorkload() {
            @Override
            public CompletableFuture<CommandResult> start(ProfilingSession session) {
                java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors
                        .newSingleThreadScheduledExecutor(run -> {
                            Thread thread = new Thread(run, "virtual-board-time");
                            thread.setDaemon(true);
                            return thread;
                        });
                long[] last = {System.nanoTime()};
                ticker.scheduleWithFixedDelay(() -> {
                    long now = System.nanoTime();
                    board.console().runVirtualTime((now - last[0]) / 1_000_000);
                    last[0] += (now - last[0]) / 1_000_000 * 1_000_000;
                }, 100, 100, TimeUnit.MILLISECONDS);
                return done.get().whenComplete((ok, error) -> ticker.shutdownNow()).thenApply(ok -> null);
            }

            @Override
            public String describe() {
                return what;
            }
        };
    }

    /** As {@link #userAction(String, CompletableFuture)}, asking for the wait only when the workload step begins. */
    static HuntWorkload userAction(String what, java.util.function.Supplier<CompletableFuture<Void>> done) {
        return new HuntWorkload() {
            @Override
            public CompletableFuture<CommandResult> start(ProfilingSession session) {
                return done.get().thenApply(ok -> null);
            }

            @Override
            public String describe() {
                return what;
            }
        };
    }

    /** Waits for the user to do something on the board (press a button, send a request) and say so. */
    static HuntWorkload userAction(String what, CompletableFuture<Void> done) {
        return new HuntWorkload() {
            @Override
            public CompletableFuture<CommandResult> start(ProfilingSession session) {
                return done.thenApply(ok -> null);
            }

            @Override
            public String describe() {
                return what;
            }
        };
    }
}
