package dev.heapscope.ui;

import dev.heapscope.model.TraceMode;
import dev.heapscope.session.GuidedHunt;
import dev.heapscope.session.HuntWorkload;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.sim.SimulatedBoard;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The guided leak hunt for the window: runs {@link GuidedHunt} on the connected board, asynchronously,
 * with its progress and a way to stop it. On the virtual board the script goes straight into its flash
 * and runs for the scenario's virtual seconds; on a real board it is uploaded through the console and
 * the board then runs as many real seconds.
 */
public final class HuntModel {
    private final SessionViewModel owner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private volatile GuidedHunt active;

    HuntModel(SessionViewModel owner) {
        this.owner = owner;
    }

    /**
     * FX thread. Hunts with the script {@code name} ({@code text}), whose timers need {@code seconds};
     * progress goes to {@link #progressProperty()} and the status line.
     */
    public CompletableFuture<GuidedHunt.Result> hunt(String name, String text, long seconds, int bufferRecords) {
        ProfilingSession session = owner.liveSession();
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Connect to a board first."));
        }
        SimulatedBoard board = owner.liveBoard();
        HuntWorkload uploaded = HuntWorkload.uploadedScript(name, text.getBytes(StandardCharsets.UTF_8));
        HuntWorkload workload = board != null ? HuntWorkload.scriptOnVirtualBoard(board, name, text, seconds)
                : seconds > 0 ? uploaded.followedBy(HuntWorkload.waitMillis(seconds * 1000)) : uploaded;
        busy.set(true);
        progress.set(0);
        GuidedHunt hunt = new GuidedHunt(session, bufferRecords, TraceMode.LEAKS).onProgress(step -> owner.onFx(() -> {
            progress.set(step.fraction());
            owner.say("Guided hunt: " + step.what());
        }));
        active = hunt;
        return hunt.run(workload).whenComplete((done, error) -> owner.onFx(() -> {
            active = null;
            busy.set(false);
            progress.set(-1);
            owner.say(error != null ? "Guided hunt stopped: " + UserMessages.reason(error)
                    : "Guided hunt done: " + name + (done.workloadError() != null
                    ? " (the script failed: " + done.workloadError() + ")" : ""));
        }));
    }

    /** Stops the running hunt before its next step. */
    public void cancel() {
        GuidedHunt hunting = active;
        if (hunting != null) {
            hunting.cancel();
        }
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
