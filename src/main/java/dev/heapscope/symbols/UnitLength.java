package dev.heapscope.symbols;

import java.io.IOException;

/**
 * The "initial length" that starts every DWARF unit: 32-bit, or {@code 0xffffffff} then 64-bit
 * (64-bit DWARF, whose section offsets are 8 bytes).
 *
 * @param offsetSize 4 or 8: the size of section offsets inside this unit
 * @param end        position in the cursor just past the unit
 */
record UnitLength(int offsetSize, int end) {

    /** Reads the initial length at the cursor; a length past the section's end is a truncated file. */
    static UnitLength read(ByteCursor cursor) throws IOException {
        long length = cursor.u32() & 0xFFFFFFFFL;
        int offsetSize = 4;
        if (length == 0xFFFFFFFFL) {
            length = cursor.u64();
            offsetSize = 8;
        }
        if (length > cursor.end() - cursor.position()) {
            throw cursor.truncated();
        }
        return new UnitLength(offsetSize, cursor.position() + (int) length);
    }
}
