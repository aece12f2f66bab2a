package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The benchmarks' call tree: random stacks 3–12 deep over a pool of 5,000 Lua-like frame names. */
final class RandomCallTree {
    private RandomCallTree() {
    }

    /** A tree of about {@code nodes} nodes, the same for the same seed. */
    static CallTree of(int nodes, long seed) {
        Random random = new Random(seed);
        String[] names = new String[5_000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "function_" + i + " (module" + (i % 40) + ".lua:" + (i % 300) + ")";
        }
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES);
        CallTree built = builder.build();
        while (built.nodeCount() < nodes) {
            for (int s = 0; s < 2_000; s++) {
                int depth = 3 + random.nextInt(10);
                List<String> stack = new ArrayList<>(depth);
                for (int d = 0; d < depth; d++) {
                    stack.add(names[random.nextInt(d < 2 ? 20 : names.length)]);
                }
                builder.addStack(stack, 1 + random.nextInt(4096));
            }
            built = builder.build();
        }
        return built;
    }
}
