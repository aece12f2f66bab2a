package dev.heapscope.model;

/**
 * The totals a dump prints after its records.
 *
 * @param mode              ALL or LEAKS; {@code null} when the dump does not say (dialect A in LEAKS
 *                          mode says it only through the word 'leaked')
 * @param bytes             bytes alive (ALL) or 'leaked' (LEAKS) among the printed records
 * @param allocations       records not freed
 * @param recordsInTrace    ALL mode's denominator ({@code 2/4 allocations}); {@code null} otherwise
 * @param totalAllocations  every traced allocation since start
 * @param totalFrees        every free since start (may exceed allocations)
 * @param recordsInBuffer   the {@code records:} count (B/C); {@code null} in A
 * @param capacity          buffer capacity from the summary (B/C) or the header (A); null if unknown
 * @param highWaterMark     most records ever held (B/C); {@code null} in A
 * @param hashmap           the hashmap line when the firmware was built with it
 * @param overflowed        an NB line said the buffer overflowed
 * @param mayHaveDuplicates an NB line said entries were traced while dumping
 */
public record Summary(TraceMode mode, long bytes, int allocations, Integer recordsInTrace,
                      long totalAllocations, long totalFrees, Integer recordsInBuffer,
                      Integer capacity, Integer highWaterMark, HashmapStats hashmap,
                      boolean overflowed, boolean mayHaveDuplicates) {
}
