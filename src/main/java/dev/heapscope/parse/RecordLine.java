package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Region;

/**
 * What one record line said.
 *
 * @param hasLabel        a {@code , Internal} / {@code , PSRAM} label was printed (dialects B, C)
 * @param paddedAddress   the address was printed with 8 digits (B, C; A prints {@code %p} bare)
 * @param callerKeyword   the line had {@code caller} (A and B always print it, C only with a chain)
 * @param freedSuffix     dialect C's {@code freed}: freed, freeing chain unknown
 * @param chainMalformed  a part of the chain was not an address; the chain stops before it
 */
record RecordLine(int sizeBytes, int address, Region region, int cpu, int ccount, CallChain caller,
                  boolean hasLabel, boolean paddedAddress, boolean callerKeyword, boolean freedSuffix,
                  boolean chainMalformed, String trailingText) {
}
