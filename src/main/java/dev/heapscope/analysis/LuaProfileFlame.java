package dev.heapscope.analysis;

import dev.heapscope.model.LuaAllocationProfile;

import java.util.List;

/**
 * The allocation profile's stacks as a {@link CallTree}, the form every flame exporter and the folded-stacks writer
 * take, so a flame graph of Lua allocations is drawn by the same code as one of heap trace records.
 */
public final class LuaProfileFlame {
    private LuaProfileFlame() {
    }

    public static CallTree tree(LuaAllocationProfile profile, Weight weight) {
        CallTree.Builder builder = new CallTree.Builder(weight);
        for (LuaAllocationProfile.Stack stack : profile.stacks()) {
            List<String> frames = stack.outermostFirst().stream().map(LuaAllocationProfile.Frame::label).toList();
            builder.addStack(frames, weight == Weight.BYTES ? stack.bytes() : stack.count());
        }
        return builder.build();
    }
}
