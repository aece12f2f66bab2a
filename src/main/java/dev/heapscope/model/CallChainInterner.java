package dev.heapscope.model;

import java.util.Arrays;

/**
 * Hands out one shared {@link CallChain} per distinct sequence of addresses. A chain already known is
 * found without allocating (its hash is computed over the caller's array, then compared in place), which
 * matters because every record of a dump is interned and most repeat a known chain. Not thread-safe:
 * one belongs to one parser (or one simulated board).
 *
 * <p>A parser's interner is {@linkplain #bounded() bounded}: past {@link #PARSER_MAX_CHAINS} distinct chains a
 * new chain is handed out unshared (equal, not identical), so a hostile log of ten million distinct chains
 * keeps the table of the cap and its records still read right.
 */
public final class CallChainInterner {
    /** Chains a parser shares at most: real dumps hold tens of thousands of records. */
    public static final int PARSER_MAX_CHAINS = Integer.getInteger("heapscope.maxInternedChains", 1_000_000);

    private final int maxChains;
    /** Open addressing, linear probing; a power of two in size, at most half full. */
    private CallChain[] table = new CallChain[256];
    private int size;

    /** Shares every chain (the simulated board's, whose chains are its own code's). */
    public CallChainInterner() {
        this(Integer.MAX_VALUE);
    }

    /** Shares at most {@code maxChains} chains. */
    public CallChainInterner(int maxChains) {
        this.maxChains = maxChains;
    }

    /** A parser's interner, with {@link #PARSER_MAX_CHAINS}. */
    public static CallChainInterner bounded() {
        return new CallChainInterner(PARSER_MAX_CHAINS);
    }

    /** The shared chain for {@code frames[0..length)}; the array is copied only for a new chain. */
    public CallChain intern(int[] frames, int length) {
        if (length == 0) {
            return CallChain.EMPTY;
        }
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + frames[i]; // Arrays.hashCode, as CallChain's own hash
        }
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            CallChain known = table[slot];
            if (known == null) {
                return add(CallChain.adopt(Arrays.copyOf(frames, length)), slot);
            }
            if (known.hashCode() == hash && known.hasFrames(frames, length)) {
                return known;
            }
        }
    }

    public CallChain intern(CallChain chain) {
        if (chain.isEmpty()) {
            return CallChain.EMPTY;
        }
        int mask = table.length - 1;
        for (int slot = spread(chain.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            CallChain known = table[slot];
            if (known == null) {
                return add(chain, slot);
            }
            if (known.equals(chain)) {
                return known;
            }
        }
    }

    public int size() {
        return size;
    }

    private CallChain add(CallChain chain, int slot) {
        if (size >= maxChains) {
            return chain; // unshared: the table stays at its cap
        }
        table[slot] = chain;
        if (++size * 2 > table.length) {
            grow();
        }
        return chain;
    }

    private void grow() {
        CallChain[] old = table;
        table = new CallChain[old.length * 2];
        int mask = table.length - 1;
        for (CallChain chain : old) {
            if (chain != null) {
                int slot = spread(chain.hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = chain;
            }
        }
    }

    /** Mixes high bits down: chain hashes of nearby addresses differ mostly in their low bits' carries. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
