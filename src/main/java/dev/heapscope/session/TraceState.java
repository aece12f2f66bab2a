package dev.heapscope.session;

/** What HeapScope believes the board's heap tracing is doing, mirrored from the commands it sent. */
public enum TraceState {
    /** Not known yet (connected to a board that was already running), or lost with the link. */
    UNKNOWN,
    /** No trace buffer: fresh boot or after a reset. */
    NO_BUFFER,
    /** {@code heaptrace.init(n)} done, never started since. */
    INITIALIZED,
    TRACING,
    STOPPED
}
