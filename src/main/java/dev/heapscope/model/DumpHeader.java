package dev.heapscope.model;

/** The first line of a dump: how many records it announces and the buffer's capacity. */
public record DumpHeader(int records, int capacity) {
}
