package dev.heapscope.ui;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.sim.SimulatedBoard;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** What the virtual board knows of its Lua heap: the snapshots taken, oldest first, and what holds each block. */
public final class LuaHeapModel {
    private final SessionViewModel owner;
    private final Executor work;
    private final ObservableList<HeapSnapshot> taken = FXCollections.observableArrayList();
    private volatile dev.heapscope.model.HeldBy saved = dev.heapscope.model.HeldBy.UNKNOWN;
    private final AgentSnapshots agent;

    LuaHeapModel(SessionViewModel owner, Executor work) {
        this.owner = owner;
        this.work = work;
        this.agent = new AgentSnapshots(owner);
    }

    /** True while the agent takes a serial board's snapshot (FX thread). */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return agent.busyProperty();
    }

    /** Stops the agent's snapshot under way; what arrived is kept, marked incomplete. */
    public void cancel() {
        agent.cancel();
    }

    AgentSnapshots agent() {
        return agent;
    }

    /** What holds each record's block: the virtual board knows (Lua reachability at each dump); a real board's dump does not. */
    public dev.heapscope.model.HeldBy heldBy() {
        SimulatedBoard board = owner.liveBoard();
        return board == null ? saved : board.console().heldBy();
    }

    /** A saved session is shown: what held its blocks is what was saved with it. */
    void showSaved(dev.heapscope.model.HeldBy heldBy) {
        saved = heldBy;
        owner.onFx(taken::clear);
    }

    /**
     * FX thread. Adds a guided hunt's agent snapshots (before and after its workload) to the list, so Retained by
     * shows what grew; returns what to add to the hunt's closing sentence.
     */
    String addHunts(dev.heapscope.session.HuntAgentSnapshots hunt) {
        for (var agentSnapshot : java.util.Arrays.asList(hunt.before(), hunt.after())) {
            if (agentSnapshot != null) {
                String label = agentSnapshot == hunt.before() ? "hunt, " + dev.heapscope.session.HuntAgentSnapshots.BEFORE
                        : "hunt, " + dev.heapscope.session.HuntAgentSnapshots.AFTER;
                taken.add(agentSnapshot.toHeapSnapshot(taken.size() + 1,
                        dev.heapscope.ui.common.SnapshotOrigin.agentLabel(label, agentSnapshot), 0));
            }
        }
        return hunt.compared() ? "; the Lua heap before and after it is in Retained by"
                : "; no Lua heap snapshots: " + hunt.problem();
    }

    /** FX thread. */
    public ObservableList<HeapSnapshot> list() {
        return taken;
    }

    /** Snapshots belong to the board they were taken of: a new board starts without any. */
    void forget() {
        agent.abandon();
        saved = dev.heapscope.model.HeldBy.UNKNOWN;
        owner.onFx(taken::clear);
    }

    /**
     * Takes a heap snapshot (a full collection, then every live Lua object with what holds it), off the FX thread,
     * and says what it found: the virtual board's own (exact), or on a serial board the agent's (estimated).
     * FX thread.
     */
    public CompletableFuture<HeapSnapshot> take(String label) {
        SimulatedBoard board = owner.liveBoard();
        if (board == null) {
            dev.heapscope.session.ProfilingSession serial = owner.liveSession();
            if (serial == null) {
                owner.say("Heap snapshots need a board: connect to the virtual board or a serial port first");
                return UserMessages.failed("not connected");
            }
            return agent.take(serial, label, taken.size() + 1, taken::add);
        }
        return CompletableFuture.supplyAsync(() -> board.console().snapshot(label), work).whenComplete((snapshot, error) ->
                owner.onFx(() -> {
                    if (error != null) {
                        owner.say("Heap snapshot failed: " + UserMessages.reason(error));
                    } else {
                        taken.add(snapshot);
                        owner.say(String.format("Heap snapshot %s: %,d bytes in %,d Lua objects, after a full "
                                + "collection (see Retained by)", snapshot.title(), snapshot.totalBytes(),
                                snapshot.objects().size()));
                    }
                }));
    }
}
