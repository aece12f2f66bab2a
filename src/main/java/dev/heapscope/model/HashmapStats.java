package dev.heapscope.model;

/** The optional {@code hashmap: N capacity (H hits, M misses)} line of dialects B and C. */
public record HashmapStats(int capacity, long hits, long misses) {
}
