package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds away the allocator's own frames at the innermost end of every chain (ESP-IDF's
 * {@code heap_caps_malloc}… from IDF 5.3, the Lua allocator {@code l_alloc}/{@code luaM_realloc_} on
 * NodeMCU), so the flame graph's leaves are the code that asked for memory.
 */
public final class AllocatorFrames {
    private static final Set<String> PLUMBING = Set.of("heap_caps_malloc", "heap_caps_malloc_default",
            "heap_caps_malloc_prefer", "heap_caps_calloc", "heap_caps_realloc", "heap_caps_realloc_default",
            "heap_caps_aligned_alloc", "multi_heap_malloc", "malloc", "calloc", "realloc", "_malloc_r", "_calloc_r",
            "_realloc_r", "pvPortMalloc", "trace_malloc", "trace_realloc", "l_alloc", "luaM_realloc_", "luaM_malloc_",
            "luaM_growaux_");

    private AllocatorFrames() {
    }

    /** Whether a frame label ({@code name} or {@code name (file:line)}) is allocator plumbing. */
    public static boolean isPlumbing(String label) {
        int space = label.indexOf(" (");
        return PLUMBING.contains(space < 0 ? label : label.substring(0, space));
    }

    /** The call tree of {@code records} with each chain's innermost plumbing frames left out. */
    public static CallTree foldedTree(List<Record> records, Weight weight, FrameNamer namer) {
        CallTree.Builder builder = new CallTree.Builder(weight);
        Map<CallChain, List<String>> stacks = new HashMap<>();
        for (Record record : records) {
            long value = weight.of(record);
            if (value > 0) {
                builder.addStack(stacks.computeIfAbsent(record.caller(), chain -> stack(chain, namer)), value);
            }
        }
        return builder.build();
    }

    /** Outermost first, without the plumbing at the innermost end (a chain of nothing but plumbing keeps it). */
    private static List<String> stack(CallChain chain, FrameNamer namer) {
        if (chain.isEmpty()) {
            return List.of(CallTree.NO_CALLER);
        }
        int innermostKept = 0;
        while (innermostKept < chain.depth() - 1 && isPlumbing(namer.name(chain.frame(innermostKept)))) {
            innermostKept++;
        }
        List<String> outermostFirst = new ArrayList<>(chain.depth() - innermostKept);
        for (int i = chain.depth() - 1; i >= innermostKept; i--) {
            outermostFirst.add(namer.name(chain.frame(i)));
        }
        return outermostFirst;
    }
}
