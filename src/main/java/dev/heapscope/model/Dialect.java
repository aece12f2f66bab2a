package dev.heapscope.model;

/**
 * The three text forms in which ESP-IDF prints a standalone heap trace dump.
 * See docs/heap-trace-format.md.
 */
public enum Dialect {
    /** ESP-IDF v3.0 – v5.0.x: {@code N allocations trace (M entry buffer)}, no end marker. */
    A,
    /** ESP-IDF v5.1 – v5.4.x: framed with {@code ====== Heap Trace ...} and a summary block. */
    B,
    /** ESP-IDF v5.5+: B plus the {@code  freed} suffix and no dangling {@code caller}. */
    C
}
