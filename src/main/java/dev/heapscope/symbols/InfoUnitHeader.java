package dev.heapscope.symbols;

import java.io.IOException;

/**
 * The header of a {@code .debug_info} unit, DWARF 2–5, read up to its first entry (v5's unit type,
 * split-unit id and type-unit signature included).
 *
 * @param unitType 1 (compile) for versions before 5; else DW_UT_*: 1 compile, 2 type, 3 partial,
 *                 4 skeleton, 5 split compile, 6 split type
 * @param end      position just past the unit
 */
record InfoUnitHeader(int version, int unitType, int offsetSize, int addressSize, long abbreviationOffset, int end) {

    /** Units whose entries describe code (compile and partial units). */
    boolean holdsCode() {
        return unitType == 1 || unitType == 3;
    }

    boolean isTypeUnit() {
        return unitType == 2 || unitType == 6;
    }

    static InfoUnitHeader read(ByteCursor cursor, String sourceName) throws IOException {
        UnitLength unit = UnitLength.read(cursor);
        int version = cursor.u16();
        if (version >= 5) {
            int unitType = cursor.u8();
            int addressSize = cursor.u8();
            long abbreviationOffset = cursor.unsigned(unit.offsetSize());
            if (unitType == 4 || unitType == 5) {
                cursor.skip(8); // dwo id
            } else if (unitType == 2 || unitType == 6) {
                cursor.skip(8 + unit.offsetSize()); // type signature, type offset
            }
            return new InfoUnitHeader(version, unitType, unit.offsetSize(), addressSize, abbreviationOffset, unit.end());
        }
        if (version < 2) {
            throw new IOException(sourceName + ": DWARF version " + version + " in .debug_info");
        }
        long abbreviationOffset = cursor.unsigned(unit.offsetSize());
        int addressSize = cursor.u8();
        return new InfoUnitHeader(version, 1, unit.offsetSize(), addressSize, abbreviationOffset, unit.end());
    }
}
