package dev.heapscope.ui;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.session.AgentObjectGuess;
import dev.heapscope.session.AgentRun;
import dev.heapscope.session.AgentRunWatch;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.ui.common.SnapshotOrigin;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Heap snapshots of a serial board by the HeapScope agent: the wire time is estimated first (and the user asked
 * when it is long), the agent uploaded and run, the objects counted in the status line as they arrive, and the
 * result (or what arrived before a reset or a cancel, marked incomplete) added to the same list as the virtual
 * board's snapshots, so Retained by and the growth between two work alike. Properties change on the FX thread.
 */
final class AgentSnapshots {
    private static final long CANCEL_GRACE_SECONDS = 5;
    private final SessionViewModel owner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private volatile AgentRunWatch running;
    private volatile AgentEstimate expected;
    // this board's last complete agent snapshot, the anchor of the next estimate; none yet: a booted board's figures
    private volatile long anchorLuaBytes = -1;
    private volatile long anchorObjects;
    private volatile double askAboveSeconds = AgentEstimate.ASK_ABOVE_SECONDS;
    // FX thread: the question, answered true to go on
    private Function<String, CompletableFuture<Boolean>> ask = AgentQuestion::ask;

    AgentSnapshots(SessionViewModel owner) {
        this.owner = owner;
    }

    /** True from the estimate until the snapshot is in (FX thread). */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** For tests: ask above this many seconds, and how. */
    void askAbove(double seconds, Function<String, CompletableFuture<Boolean>> question) {
        askAboveSeconds = seconds;
        ask = question;
    }

    /** Stops a snapshot under way: what arrived is kept, marked incomplete. Any thread. */
    void cancel() {
        AgentRunWatch watch = running;
        if (watch != null) {
            watch.cancel("cancelled by the user; the board finishes its walk and its last lines go to the console");
            // the cut is made on the session's thread: a session that is gone never makes it, and the user is not
            // to wait for the agent's own timeout
            CompletableFuture.delayedExecutor(CANCEL_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
                    .execute(() -> owner.onFx(() -> {
                        if (running == watch) {
                            running = null;
                            busy.set(false);
                            owner.say("Agent snapshot cancelled: the board's session did not answer; nothing was kept");
                        }
                    }));
        }
    }

    /**
     * The board is gone (disconnected, another one connected): a run under way is cancelled and forgotten, so its
     * late answer, if any, is not added to the next board's snapshots and a new one may start at once.
     */
    void abandon() {
        AgentRunWatch watch = running;
        if (watch != null) {
            watch.cancel("the board was disconnected while the agent ran");
        }
        owner.onFx(() -> {
            if (running == watch) {
                running = null;
                busy.set(false);
            }
        });
    }

    /** FX thread. {@code number} is the snapshot's place in the board's list; {@code add} puts it there (FX thread). */
    CompletableFuture<HeapSnapshot> take(ProfilingSession session, String label, int number,
                                         java.util.function.Consumer<HeapSnapshot> add) {
        if (busy.get()) {
            owner.say("An agent snapshot is already running: wait for it or cancel it (Retained by)");
            return UserMessages.failed("an agent snapshot is already running");
        }
        AgentRun run;
        try {
            run = new AgentRun(AgentRun.shippedAgent());
        } catch (java.io.IOException e) {
            owner.say("Agent snapshot failed: " + UserMessages.reason(e));
            return CompletableFuture.failedFuture(e);
        }
        AgentRunWatch watch = new AgentRunWatch(count -> showProgress());
        running = watch;
        busy.set(true);
        owner.say("Agent snapshot: asking the board for its Lua heap size…");
        CompletableFuture<AgentEstimate> estimated = session.execute("=collectgarbage(\"count\")")
                .handle((answer, error) -> estimate(run, session, error == null ? luaBytes(answer) : -1));
        CompletableFuture<HeapSnapshot> done = estimated.thenComposeAsync(estimate -> confirm(estimate, watch), owner::onFx)
                .thenCompose(estimate -> {
                    session.holdLuaPolls(); // a poll's echo and garbage have no place among the agent's lines
                    long timeout = Math.max(60_000L, Math.round(estimate.seconds() * 3_000) + 30_000L);
                    return run.take(session, timeout, watch).whenComplete((s, e) -> session.releaseLuaPolls());
                })
                .thenApplyAsync(agent -> {
                    if (running != watch) {
                        throw new IllegalStateException("the board it was taken of is gone");
                    }
                    HeapSnapshot snapshot = agent.toHeapSnapshot(number, SnapshotOrigin.agentLabel(label, agent), 0);
                    if (agent.complete() && !agent.objects().isEmpty() && agent.luaBytes() > 0) {
                        anchorObjects = agent.objects().size();
                        anchorLuaBytes = agent.luaBytes();
                    }
                    add.accept(snapshot);
                    owner.say(AgentSnapshotTexts.done(snapshot, agent));
                    return snapshot;
                }, owner::onFx);
        return done.whenComplete((snapshot, error) -> owner.onFx(() -> {
            if (running != watch) {
                return; // abandoned: the next board's state is not this run's to change
            }
            running = null;
            busy.set(false);
            if (error != null) {
                owner.say("Agent snapshot " + (watch.isCancelled() ? "cancelled" : "failed") + ": "
                        + UserMessages.reason(error));
            }
        }));
    }

    private AgentEstimate estimate(AgentRun run, ProfilingSession session, long luaBytes) {
        int baud = session.baudRate() > 0 ? session.baudRate() : 115_200;
        long objects = luaBytes < 0 ? AgentEstimate.UNKNOWN_HEAP_OBJECTS : anchorLuaBytes < 0
                ? AgentObjectGuess.objectsFor(luaBytes) : AgentObjectGuess.since(anchorLuaBytes, anchorObjects, luaBytes);
        return new AgentEstimate(luaBytes, objects, run.wireSeconds(baud, objects), baud);
    }

    private CompletableFuture<AgentEstimate> confirm(AgentEstimate estimate, AgentRunWatch watch) {
        if (watch.isCancelled()) {
            return UserMessages.failed("before the agent was sent");
        }
        expected = estimate;
        String uploading = "Agent snapshot: uploading the agent; " + estimate.text();
        if (!estimate.worthAsking(askAboveSeconds)) {
            owner.say(uploading);
            return CompletableFuture.completedFuture(estimate);
        }
        owner.say("Agent snapshot: waiting for your answer; " + estimate.text());
        return ask.apply(estimate.text()).thenCompose(go -> {
            if (!go) {
                watch.cancel("cancelled before the agent was sent");
                return UserMessages.failed("not started; it would have taken " + estimate.text());
            }
            owner.say(uploading);
            return CompletableFuture.completedFuture(estimate);
        });
    }

    /** The status line follows the count, at most once per FX pulse however fast the lines come. */
    private void showProgress() {
        if (progressQueued.compareAndSet(false, true)) {
            owner.onFx(() -> {
                progressQueued.set(false);
                AgentRunWatch watch = running;
                AgentEstimate estimate = expected;
                if (watch != null && !watch.isCancelled() && estimate != null) {
                    owner.say(String.format(Locale.ROOT, "Agent snapshot: %,d objects received, about %,d expected… "
                            + "(Cancel in Retained by)", watch.objects(), estimate.objects()));
                }
            });
        }
    }

    /** {@code collectgarbage("count")} answers kilobytes, with a fraction; -1 when the answer does not read. */
    static long luaBytes(CommandResult answer) {
        if (answer == null || answer.failed() || answer.output().isEmpty()) {
            return -1;
        }
        try {
            return Math.round(Double.parseDouble(answer.output().get(answer.output().size() - 1).strip()) * 1024);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
