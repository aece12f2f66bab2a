package dev.heapscope.model;

/** One poll of {@code node.heap()}: free heap bytes at a host time (epoch ms). */
public record HeapSample(long hostMillis, long freeBytes) {
}
