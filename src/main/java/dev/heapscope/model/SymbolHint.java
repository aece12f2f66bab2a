package dev.heapscope.model;

/**
 * A name for a code address found in the input itself: host monitors print
 * {@code 0x400d276d: leak_some_memory at /path/blink.c:27} under a record. Free symbol information
 * when the user has no ELF at hand.
 *
 * @param line 0 when the monitor printed no line number
 */
public record SymbolHint(int address, String function, String file, int line) {
}
