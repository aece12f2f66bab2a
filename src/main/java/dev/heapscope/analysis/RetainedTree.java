package dev.heapscope.analysis;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retaining paths as a tree, for an icicle like the flame graph's: each path is split into its steps
 * ({@code _G} › {@code .cache} › {@code [*]}), weighted by the bytes (or count) of the objects at its end,
 * so a box is everything kept alive through that step. Built from records (what holds them), from a
 * heap snapshot, or from what grew between two snapshots.
 */
public final class RetainedTree {
    /** The step for a record whose block is no Lua object the board knows (firmware, or a real board's dump). */
    public static final String NOT_LUA = "(not a Lua object: firmware or unknown)";

    private RetainedTree() {
    }

    public static CallTree ofRecords(List<Record> records, HeldBy heldBy, Weight weight) {
        CallTree.Builder builder = new CallTree.Builder(weight);
        for (Record record : records) {
            Optional<RetainingPath> path = heldBy.pathOf(record);
            builder.addStack(path.map(RetainedTree::steps).orElse(List.of(NOT_LUA)), weight.of(record));
        }
        return builder.build();
    }

    public static CallTree ofSnapshot(HeapSnapshot snapshot, Weight weight) {
        CallTree.Builder builder = new CallTree.Builder(weight);
        for (HeapSnapshot.HeapObject object : snapshot.objects()) {
            builder.addStack(steps(object.path()), weight == Weight.BYTES ? object.sizeBytes() : 1);
        }
        return builder.build();
    }

    /** What grew: each path that gained bytes, weighted by the bytes (or objects) it gained. */
    public static CallTree ofGrowth(SnapshotGrowth growth, Weight weight) {
        CallTree.Builder builder = new CallTree.Builder(weight);
        for (SnapshotGrowth.Row row : growth.grown()) {
            builder.addStack(steps(row.path()), weight == Weight.BYTES ? row.bytesGrown() : Math.max(0, row.countGrown()));
        }
        return builder.build();
    }

    /** The path's steps as box names: the separator arrow before a step is left out ({@code upvalue 'cache'}). */
    static List<String> steps(RetainingPath path) {
        List<String> steps = new ArrayList<>(path.segments().size());
        for (String segment : path.segments()) {
            String step = segment.strip();
            steps.add(step.startsWith("\u25b8") ? step.substring(1).strip() : step);
        }
        return steps;
    }
}
