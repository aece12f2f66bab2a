package dev.heapscope.model;

import java.util.List;

/**
 * Every live Lua object of the virtual board right after a full collection, each with the first path by
 * which it is reached from a root. Immutable.
 *
 * @param number       1 for the first snapshot of a board, then 2, 3…
 * @param label        what the user or the tool called it ("before", "after the scenario")
 * @param atMicros     the board's clock when it was taken
 * @param objects      the live objects, in the order of their blocks' slots
 */
public record HeapSnapshot(int number, String label, long atMicros, List<HeapObject> objects) {

    /**
     * One live Lua object.
     *
     * @param address   its block in the board heap
     * @param sizeBytes the block's size
     * @param type      {@code table}, {@code string}, {@code function}, {@code userdata} or {@code thread}
     * @param path      how it is reached
     */
    public record HeapObject(int address, int sizeBytes, String type, RetainingPath path) {
    }

    public HeapSnapshot {
        objects = List.copyOf(objects);
    }

    public long totalBytes() {
        return objects.stream().mapToLong(HeapObject::sizeBytes).sum();
    }

    /** "#2 (after the scenario)" */
    public String title() {
        return "#" + number + (label == null || label.isBlank() ? "" : " (" + label + ")");
    }
}
