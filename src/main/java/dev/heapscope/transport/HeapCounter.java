package dev.heapscope.transport;

import java.util.concurrent.CompletableFuture;

/**
 * A way to read a board's free heap without sending it a command: the counter {@code node.heap()} returns,
 * read beside the console. Only the virtual board has one (a real board's heap is read by running Lua).
 */
public interface HeapCounter {

    /** The free heap in bytes, once the board has handled everything it received before this call. */
    CompletableFuture<Long> freeBytes();
}
