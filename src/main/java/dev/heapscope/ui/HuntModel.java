package dev.heapscope.ui;

import dev.heapscope.model.TraceMode;
import dev.heapscope.session.GuidedHunt;
import dev.heapscope.session.HuntWorkload;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.ui.hunt.HuntPlan;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The guided leak hunt for the window: runs {@link GuidedHunt} on the connected board, asynchronously,
 * with its progress and a way to stop it. On the virtual board the script goes straight into its flash
 * and runs for the scenario's virtual seconds; on a real board it is uploaded through the console and
 * the board then runs as many real seconds.
 */
public final class HuntModel {
    private final BooleanProperty agentSnapshots = new javafx.beans.property.SimpleBooleanProperty(true);
    private final SessionViewModel owner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private volatile GuidedHunt active;
    private volatile CompletableFuture<Void> userDone;

    HuntModel(SessionViewModel owner) {
        this.owner = owner;
    }

    /**
     * FX thread. Hunts with the script {@code name} ({@code text}), whose timers need {@code seconds}: on the
     * virtual board it goes into its flash, on a serial board it is uploaded and the board then runs as long.
     */
    public CompletableFuture<GuidedHunt.Result> hunt(String name, String text, long seconds, int bufferRecords) {
        return hunt(new HuntPlan() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HuntWorkload workload(SimulatedBoard board, Supplier<CompletableFuture<Void>> wait) {
                HuntWorkload uploaded = HuntWorkload.uploadedScript(name, text.getBytes(StandardCharsets.UTF_8));
                return board != null ? HuntWorkload.scriptOnVirtualBoard(board, name, text, seconds)
                        : seconds > 0 ? uploaded.followedBy(HuntWorkload.waitMillis(seconds * 1000)) : uploaded;
            }
        }, bufferRecords);
    }

    /**
     * FX thread. Hunts with the plan's workload; progress goes to {@link #progressProperty()} and the status line.
     * A hunt that cannot start says why in the status bar and the console: the button is never a silent no-op.
     */
    public CompletableFuture<GuidedHunt.Result> hunt(HuntPlan plan, int bufferRecords) {
        if (busy.get()) {
            return refuse("a hunt is running already (Cancel hunt stops it)");
        }
        ProfilingSession session = owner.liveSession();
        if (session == null) {
            return refuse("connect to a board first");
        }
        HuntWorkload workload = plan.workload(owner.liveBoard(), this::waitForUser);
        busy.set(true);
        progress.set(0);
        // the virtual board's own snapshots are exact; the agent is for boards whose heap HeapScope cannot see
        boolean agent = agentSnapshots.get() && owner.liveBoard() == null;
        GuidedHunt hunt = new GuidedHunt(session, bufferRecords, TraceMode.LEAKS).withAgentSnapshots(agent)
                .onProgress(step -> owner.onFx(() -> {
            progress.set(step.fraction());
            owner.say("Guided hunt: " + step.what());
        }));
        active = hunt;
        return hunt.run(workload).whenComplete((done, error) -> owner.onFx(() -> {
            active = null;
            userDone = null;
            waiting.set(false);
            busy.set(false);
            progress.set(-1);
            if (error != null) {
                note("Guided hunt stopped: " + UserMessages.reason(error));
            } else {
                owner.say("Guided hunt done: " + plan.name() + (done.workloadError() != null
                        ? " (the script failed: " + done.workloadError() + ")" : "")
                        + (done.agent() == null ? "" : owner.luaHeap().addHunts(done.agent())));
            }
        }));
    }

    /** FX thread. Says why the hunt did not start, in the status bar and the console. */
    public <T> CompletableFuture<T> refuse(String reason) {
        String sentence = reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        note("Guided hunt not started: " + sentence + (sentence.endsWith(".") ? "" : "."));
        return UserMessages.failed(sentence);
    }

    /** FX thread. A line about the hunt or the user's project, in the status bar and the console. */
    public void note(String message) {
        owner.say(message);
        owner.consoleLines().add(dev.heapscope.ui.console.ConsoleLine.board("[heapscope] " + message));
    }

    /** Called by a workload that waits for the user, as its step begins (any thread). */
    private CompletableFuture<Void> waitForUser() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        userDone = done;
        owner.onFx(() -> waiting.set(!done.isDone()));
        return done;
    }

    /** Continue: the user is done with the device; the hunt goes on to its last dump. */
    public void proceed() {
        CompletableFuture<Void> done = userDone;
        if (done != null) {
            done.complete(null);
        }
        waiting.set(false);
    }

    /** True while the hunt waits for the user to use the device and press Continue. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** Stops the running hunt before its next step. */
    public void cancel() {
        GuidedHunt hunting = active;
        if (hunting != null) {
            hunting.cancel();
        }
        CompletableFuture<Void> done = userDone;
        if (done != null) {
            done.completeExceptionally(new java.util.concurrent.CancellationException("the hunt was cancelled while waiting for you"));
        }
    }

    /** Whether a hunt on a serial board also takes the agent's Lua heap snapshots before and after its workload. */
    public BooleanProperty agentSnapshotsProperty() {
        return agentSnapshots;
    }

    /** True while a hunt runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while a hunt runs, -1 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
