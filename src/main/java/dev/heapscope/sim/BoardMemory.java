package dev.heapscope.sim;

import dev.heapscope.model.CallChain;

/**
 * The virtual board's heap as the Lua runtime sees it: every allocation goes through here, with the
 * call chain the heap tracer records for it. Owned by the board thread.
 */
public interface BoardMemory {

    /** Allocates a block; returns its address, or 0 when the heap cannot satisfy the request. */
    int allocate(int sizeBytes, CallChain chain);

    /** Frees a block allocated here. {@code chain} is the freeing call chain (ALL mode's {@code freed by}). */
    void free(int address, CallChain chain);

    /**
     * Grows or shrinks a block as ESP-IDF traces a realloc: a free of the old block and an
     * allocation of the new one, with the same chain. Returns the new address or 0 (old block kept).
     */
    int reallocate(int address, int newSizeBytes, CallChain chain);

    /** What {@code node.heap()} reports: free bytes in all regions. */
    long freeBytes();
}
