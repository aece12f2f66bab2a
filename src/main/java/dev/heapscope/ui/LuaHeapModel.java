package dev.heapscope.ui;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.session.HuntAgentSnapshots;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.ui.common.SnapshotOrigin;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** What the virtual board knows of its Lua heap: the snapshots taken, oldest first, and what holds each block. */
public final class LuaHeapModel {
    private final SessionViewModel owner;
    private final Executor work;
    private final ObservableList<HeapSnapshot> taken = FXCollections.observableArrayList();
    private volatile dev.heapscope.model.HeldBy saved = dev.heapscope.model.HeldBy.UNKNOWN;
    private final AgentSnapshots agent;
    // the list as one immutable value, replaced on every change: what a save or the autosave writes, from any thread
    private volatile List<HeapSnapshot> shown = List.of();
    // changes when the list is cleared for another board or a saved session: late work for the old one is dropped
    private final AtomicInteger board = new AtomicInteger();

    LuaHeapModel(SessionViewModel owner, Executor work) {
        this.owner = owner;
        this.work = work;
        this.agent = new AgentSnapshots(owner);
        taken.addListener((ListChangeListener<HeapSnapshot>) change -> shown = List.copyOf(taken));
    }

    /** The snapshots shown, oldest first, as an immutable list replaced when they change (any thread). */
    public List<HeapSnapshot> shown() {
        return shown;
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

    /**
     * A saved session is shown: what held its blocks, and the heap snapshots it showed in Retained by, are what
     * was saved with it.
     */
    void showSaved(dev.heapscope.model.HeldBy heldBy, List<HeapSnapshot> snapshots) {
        saved = heldBy;
        board.incrementAndGet();
        agent.abandon(); // an agent snapshot still running belongs to the board, not to the file shown now
        owner.onFx(() -> taken.setAll(snapshots));
    }

    /**
     * FX thread. Adds a guided hunt's agent snapshots (before and after its workload) to the list, so Retained by
     * shows what grew; returns what to add to the hunt's closing sentence. The paths of thousands of objects are
     * worked out on the worker; only the list changes on the FX thread, and not at all when the board is gone.
     */
    String addHunts(HuntAgentSnapshots hunt) {
        int sameBoard = board.get();
        CompletableFuture.supplyAsync(() -> converted(hunt), work).whenComplete((snapshots, error) -> owner.onFx(() -> {
            if (error != null) {
                owner.say("The hunt's Lua heap snapshots could not be shown: " + UserMessages.reason(error));
            } else if (board.get() == sameBoard) {
                for (HeapSnapshot snapshot : snapshots) { // numbered as they join the list
                    taken.add(new HeapSnapshot(taken.size() + 1, snapshot.label(), snapshot.atMicros(), snapshot.objects()));
                }
            }
        }));
        return hunt.compared() ? "; the Lua heap before and after it is in Retained by"
                : "; no Lua heap snapshots: " + hunt.problem();
    }

    private static List<HeapSnapshot> converted(HuntAgentSnapshots hunt) {
        List<HeapSnapshot> snapshots = new ArrayList<>(2);
        for (AgentSnapshot agentSnapshot : java.util.Arrays.asList(hunt.before(), hunt.after())) {
            if (agentSnapshot != null) {
                String label = "hunt, " + (agentSnapshot == hunt.before() ? HuntAgentSnapshots.BEFORE : HuntAgentSnapshots.AFTER);
                snapshots.add(agentSnapshot.toHeapSnapshot(1, SnapshotOrigin.agentLabel(label, agentSnapshot), 0));
            }
        }
        return snapshots;
    }

    /** FX thread. */
    public ObservableList<HeapSnapshot> list() {
        return taken;
    }

    /** Snapshots belong to the board they were taken of: a new board starts without any. */
    void forget() {
        board.incrementAndGet();
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
        int sameBoard = this.board.get();
        return CompletableFuture.supplyAsync(() -> board.console().snapshot(label), work).whenComplete((snapshot, error) ->
                owner.onFx(() -> {
                    if (error != null) {
                        owner.say("Heap snapshot failed: " + UserMessages.reason(error));
                    } else if (this.board.get() == sameBoard) { // not once another board or a file is shown
                        taken.add(snapshot);
                        owner.say(String.format("Heap snapshot %s: %,d bytes in %,d Lua objects, after a full "
                                + "collection (see Retained by)", snapshot.title(), snapshot.totalBytes(),
                                snapshot.objects().size()));
                    }
                }));
    }
}
