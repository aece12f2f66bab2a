package dev.heapscope.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one shared {@link CallChain} per distinct sequence of addresses. Not thread-safe: one
 * belongs to one parser (or one simulated board).
 */
public final class CallChainInterner {
    private final Map<CallChain, CallChain> chains = new HashMap<>();

    /** The shared chain for {@code frames[0..length)}; the array is copied only for a new chain. */
    public CallChain intern(int[] frames, int length) {
        if (length == 0) {
            return CallChain.EMPTY;
        }
        int[] exact = java.util.Arrays.copyOf(frames, length);
        CallChain candidate = CallChain.adopt(exact);
        CallChain known = chains.putIfAbsent(candidate, candidate);
        return known != null ? known : candidate;
    }

    public CallChain intern(CallChain chain) {
        if (chain.isEmpty()) {
            return CallChain.EMPTY;
        }
        CallChain known = chains.putIfAbsent(chain, chain);
        return known != null ? known : chain;
    }

    public int size() {
        return chains.size();
    }
}
