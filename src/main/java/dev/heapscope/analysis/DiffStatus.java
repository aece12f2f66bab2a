package dev.heapscope.analysis;

/** How one call chain's live records changed from the "before" dump to the "after" dump. */
public enum DiffStatus {
    /** Live records only after. */
    NEW,
    /** Live records only before. */
    GONE,
    /** More live bytes after (or, at equal bytes, more records). */
    GROWN,
    /** Fewer live bytes after (or, at equal bytes, fewer records). */
    SHRUNK,
    /** Same bytes and same count. */
    UNCHANGED
}
