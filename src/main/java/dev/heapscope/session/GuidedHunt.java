package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The heaptrace module's documented leak hunt as one asynchronous operation: stop a trace that is still
 * running, {@code init(n)}, {@code collectgarbage()}, {@code start(mode)}, a first dump, the
 * {@link HuntWorkload}, {@code collectgarbage()}, {@code stop()}, a last dump. What leaked is what is live
 * in the last dump and was not in the first. The app, {@code heapscope run} and {@code heapscope hunt}
 * all run this. Progress is reported as each step begins; {@link #cancel()} stops it before the next step.
 */
public final class GuidedHunt {
    /** The steps, for progress reports. */
    public enum Step { STOP_RUNNING, PREPARE, INIT, GC_BEFORE, START, FIRST_DUMP, WORKLOAD, GC_AFTER, STOP, LAST_DUMP, DONE }

    /**
     * @param workloadError the Lua error of the workload, or null when it ran cleanly
     */
    public record Result(Dump first, Dump last, String workloadError) {
    }

    /** A step as it begins: which, and what it does in words ({@code heaptrace.init(500)}). */
    public record Progress(Step step, String what) {
        /** Steps done so far out of all steps, 0..1. */
        public double fraction() {
            return (double) step.ordinal() / (Step.values().length - 1);
        }
    }

    private final ProfilingSession session;
    private final int bufferRecords;
    private final TraceMode mode;
    private Consumer<Progress> progress = step -> { };
    private volatile boolean cancelled;

    public GuidedHunt(ProfilingSession session, int bufferRecords, TraceMode mode) {
        this.session = session;
        this.bufferRecords = bufferRecords;
        this.mode = mode;
    }

    /** Called as each step begins (on the session thread). */
    public GuidedHunt onProgress(Consumer<Progress> listener) {
        this.progress = listener;
        return this;
    }

    /** Stops the hunt before its next step (the step running now finishes); its future fails with a cancellation. */
    public void cancel() {
        cancelled = true;
    }

    public CompletableFuture<Result> run(HuntWorkload workload) {
        session.holdLuaPolls();
        CompletableFuture<Result> hunted = hunt(workload);
        hunted.whenComplete((done, error) -> session.releaseLuaPolls());
        return hunted;
    }

    private CompletableFuture<Result> hunt(HuntWorkload workload) {
        String modeWord = mode == TraceMode.LEAKS ? "TRACE_LEAKS" : "TRACE_ALL";
        CompletableFuture<Dump> first = session.snapshot()
                .thenCompose(now -> now.trace() == TraceState.TRACING
                        ? step(Step.STOP_RUNNING, "heaptrace.stop() of the trace still running", session::stop)
                        : CompletableFuture.completedFuture(null))
                .thenCompose(ok -> prepare(workload))
                .thenCompose(ok -> step(Step.INIT, "heaptrace.init(" + bufferRecords + ")", () -> session.init(bufferRecords)))
                .thenCompose(ok -> step(Step.GC_BEFORE, SessionCommands.FULL_COLLECTION, session::collectGarbageFully))
                .thenCompose(ok -> step(Step.START, "heaptrace.start(" + modeWord + ")", () -> session.start(mode)))
                .thenCompose(ok -> dumpStep(Step.FIRST_DUMP, "first dump"));
        CompletableFuture<String> ran = first.thenCompose(dump -> {
            begin(Step.WORKLOAD, workload.describe());
            return workload.start(session).thenApply(answer -> answer == null ? null : answer.luaError());
        });
        CompletableFuture<Dump> last = ran
                .thenCompose(error -> step(Step.GC_AFTER, SessionCommands.FULL_COLLECTION, session::collectGarbageFully))
                .thenCompose(ok -> step(Step.STOP, "heaptrace.stop()", session::stop))
                .thenCompose(ok -> dumpStep(Step.LAST_DUMP, "last dump"));
        return last.thenApply(dump -> {
            progress.accept(new Progress(Step.DONE, "done"));
            return new Result(first.join(), dump, ran.join());
        });
    }

    /** Before the trace starts, so what preparing allocates (an upload's file buffers) is not counted. */
    private CompletableFuture<Void> prepare(HuntWorkload workload) {
        String what = workload.preparation();
        if (what == null) {
            return CompletableFuture.completedFuture(null);
        }
        begin(Step.PREPARE, what);
        return workload.prepare(session);
    }

    private void begin(Step step, String what) {
        if (cancelled) {
            throw new CancellationException("the hunt was cancelled before " + what);
        }
        progress.accept(new Progress(step, what));
    }

    /** One verb; a Lua error in it ends the hunt with that message. */
    private CompletableFuture<CommandResult> step(Step step, String what, Supplier<CompletableFuture<CommandResult>> verb) {
        begin(step, what);
        return verb.get().thenApply(answer -> {
            if (answer.failed()) {
                throw new CompletionException(new ConsoleException(ConsoleException.Kind.REFUSED,
                        "'" + answer.command() + "' failed on the board: " + answer.luaError()));
            }
            return answer;
        });
    }

    private CompletableFuture<Dump> dumpStep(Step step, String what) {
        begin(step, what);
        return session.dump();
    }
}
