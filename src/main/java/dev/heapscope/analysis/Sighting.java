package dev.heapscope.analysis;

/**
 * Where a record sits in its dump: {@code index} is its 0-based position among all the dump's
 * records (the trace buffer's insertion order), with the core and cycle count it was allocated at.
 */
public record Sighting(int index, int cpu, int ccount) {

    public long ccountUnsigned() {
        return Integer.toUnsignedLong(ccount);
    }
}
