package dev.heapscope.model;

/**
 * One allocation as a heap trace dump lists it.
 *
 * @param sizeBytes   bytes requested ({@code calloc(n, s)} records n·s)
 * @param address     the block's address, an unsigned 32-bit value
 * @param region      Internal or PSRAM; {@code null} when the line carried no label (dialect A)
 * @param cpu         the core that allocated
 * @param ccount      that core's cycle counter as printed (two low bits cleared), unsigned 32-bit
 * @param caller      the allocating chain, innermost first; {@link CallChain#EMPTY} when none
 * @param freed       ALL mode: the block was freed while tracing
 * @param freedBy     the freeing chain with zero slots dropped; EMPTY when unknown or not freed
 * @param lineNumber  1-based line of the input where the record started, 0 when not from text
 */
public record Record(int sizeBytes, int address, Region region, int cpu, int ccount,
                     CallChain caller, boolean freed, CallChain freedBy, long lineNumber) {

    public Record {
        if (caller == null || freedBy == null) {
            throw new IllegalArgumentException("chains are never null; use CallChain.EMPTY");
        }
    }

    /** The same record marked as freed by {@code chain}. */
    public Record withFreedBy(CallChain chain) {
        return new Record(sizeBytes, address, region, cpu, ccount, caller, true, chain, lineNumber);
    }

    public long addressUnsigned() {
        return Integer.toUnsignedLong(address);
    }

    public long ccountUnsigned() {
        return Integer.toUnsignedLong(ccount);
    }
}
