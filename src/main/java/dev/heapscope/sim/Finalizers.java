package dev.heapscope.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects marked for finalization (Lua 5.3: a table whose metatable had {@code __gc} when it was set,
 * or a firmware userdata whose C metatable has one), in the order they were marked. A collection that
 * finds some unreachable separates them, newest mark first ("the reverse order that they were marked"),
 * keeps them alive for that cycle and hands them over to be finalized; afterwards they are ordinary
 * objects, freed by a later collection if still unreachable. Board thread only.
 */
final class Finalizers {
    private final List<Integer> marked = new ArrayList<>();
    private final Map<Integer, Runnable> firmwareActions = new HashMap<>();
    private final List<Integer> pending = new ArrayList<>();
    private final Map<Integer, Runnable> pendingFirmware = new HashMap<>();

    /** Marks {@code slot}; {@code firmwareAction} (may be null) is the C {@code __gc} of a firmware userdata. */
    void mark(int slot, Runnable firmwareAction) {
        if (!marked.contains(slot)) {
            marked.add(slot);
            if (firmwareAction != null) {
                firmwareActions.put(slot, firmwareAction);
            }
        }
    }

    boolean isMarked(int slot) {
        return marked.contains(slot);
    }

    /** Takes the unreachable ones out of the marked list, newest mark first; they are pending until run. */
    List<Integer> separateUnreachable(HeapMarker marker) {
        List<Integer> doomed = new ArrayList<>();
        for (int i = marked.size() - 1; i >= 0; i--) {
            int slot = marked.get(i);
            if (!marker.isSlotMarked(slot)) {
                doomed.add(slot);
                marked.remove(i);
                Runnable action = firmwareActions.remove(slot);
                if (action != null) {
                    pendingFirmware.put(slot, action);
                }
            }
        }
        pending.addAll(doomed);
        return doomed;
    }

    /** Slots separated by a collection whose finalizers have not run yet (they stay alive meanwhile). */
    List<Integer> pending() {
        return pending;
    }

    boolean hasPending() {
        return pending.size() > 0;
    }

    /** The next pending slot, removed; -1 when none. */
    int takeNext() {
        return pending.isEmpty() ? -1 : pending.remove(0);
    }

    /** The firmware {@code __gc} of a slot just taken, or null for a Lua one. */
    Runnable takeFirmwareAction(int slot) {
        return pendingFirmware.remove(slot);
    }

    void clear() {
        marked.clear();
        firmwareActions.clear();
        pending.clear();
        pendingFirmware.clear();
    }
}
