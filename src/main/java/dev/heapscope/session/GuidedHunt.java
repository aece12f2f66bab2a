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
    public enum Step {
        STOP_RUNNING, PREPARE, AGENT_BEFORE, INIT, GC_BEFORE, START, FIRST_DUMP, WORKLOAD, GC_AFTER, STOP, LAST_DUMP,
        AGENT_AFTER, DONE
    }

    /**
     * @param workloadError the Lua error of the workload, or null when it ran cleanly
     * @param agent         the agent's snapshots when {@link #withAgentSnapshots} asked for them, else null
     */
    public record Result(Dump first, Dump last, String workloadError, HuntAgentSnapshots agent) {
        public Result(Dump first, Dump last, String workloadError) {
            this(first, last, workloadError, null);
        }
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
    private AgentRun agent;
    private String agentMissing;

    // a 2,000-object heap takes about 10 s at 115200 baud; a cut one is kept when this runs out
    private static final long AGENT_TIMEOUT_MILLIS = 120_000L;

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

    /**
     * Also snapshots the board's Lua heap with the HeapScope agent (uploaded over the console), once before the
     * trace starts and once after the last dump. Outside the trace so that the agent's own allocations (its
     * upload, its walk, the string table it grows) never show as leaks in the heaptrace records; nothing else
     * runs on the board in between, so they see the Lua heap as it is right before and right after the
     * workload (each after the agent's own full collections). The agent's failure is reported in
     * {@link Result#agent()}, never as the hunt's.
     * <p>For a board whose time runs: a serial board, real or the virtual board served by {@code sim --pty}.
     * The agent's walk yields through {@code node.task.post}, which an in-process virtual board whose time
     * stands still between commands does not run (its snapshot would end cut at the time-out); there the
     * board's own exact snapshots ({@code board.console().snapshot}, as {@code run --snapshot}) are the ones
     * to take.
     */
    public GuidedHunt withAgentSnapshots(boolean take) {
        agent = null;
        agentMissing = null;
        if (take) {
            try {
                agent = new AgentRun(AgentRun.shippedAgent());
            } catch (java.io.IOException e) {
                agentMissing = e.getMessage(); // reported with the result, as any failure of the agent is
            }
        }
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
        HuntAgentSnapshots[] agentSnapshots = {null};
        CompletableFuture<Dump> first = session.snapshot()
                .thenCompose(now -> now.trace() == TraceState.TRACING
                        ? step(Step.STOP_RUNNING, "heaptrace.stop() of the trace still running", session::stop)
                        : CompletableFuture.completedFuture(null))
                .thenCompose(ok -> prepare(workload))
                .thenCompose(ok -> agentSnapshot(Step.AGENT_BEFORE, null).thenAccept(taken -> agentSnapshots[0] = taken))
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
        return last.thenCompose(dump -> agentSnapshot(Step.AGENT_AFTER, agentSnapshots[0]).thenApply(taken -> {
            progress.accept(new Progress(Step.DONE, "done"));
            return new Result(first.join(), dump, ran.join(), taken);
        }));
    }

    /**
     * The agent's snapshot before the workload ({@code before == null}) or after it; null when not asked for. A
     * failure becomes the one line of {@link HuntAgentSnapshots#problem()}, and no second snapshot follows it.
     */
    private CompletableFuture<HuntAgentSnapshots> agentSnapshot(Step step, HuntAgentSnapshots before) {
        if (agentMissing != null) {
            return CompletableFuture.completedFuture(new HuntAgentSnapshots(null, null, agentMissing));
        }
        if (agent == null || step == Step.AGENT_AFTER && (before == null || before.problem() != null)) {
            return CompletableFuture.completedFuture(before);
        }
        String when = step == Step.AGENT_BEFORE ? HuntAgentSnapshots.BEFORE : HuntAgentSnapshots.AFTER;
        begin(step, "Lua heap snapshot by the HeapScope agent, " + when);
        return agent.take(session, AGENT_TIMEOUT_MILLIS).handle((snapshot, failure) -> {
            if (failure == null) {
                return before == null ? new HuntAgentSnapshots(snapshot, null, null)
                        : new HuntAgentSnapshots(before.before(), snapshot, null);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            String problem = "the agent's snapshot " + when + " failed: "
                    + (cause.getMessage() == null ? "no answer in time" : cause.getMessage());
            return new HuntAgentSnapshots(before == null ? null : before.before(), null, problem);
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
