package dev.heapscope.symbols;

import java.io.IOException;

/** How many bytes each DWARF attribute form takes in a unit of a given version, offset and address size. */
record FormSizes(int version, int offsetSize, int addressSize) {

    /** Reads a constant or section-offset form as an unsigned number. */
    long readUnsigned(ByteCursor cursor, int form) throws IOException {
        return switch (form) {
            case 0x0b -> cursor.u8();
            case 0x05 -> cursor.u16();
            case 0x06 -> cursor.u32() & 0xFFFFFFFFL;
            case 0x07 -> cursor.u64();
            case 0x0f -> cursor.uleb();
            case 0x17 -> cursor.unsigned(offsetSize);
            default -> {
                skip(cursor, form);
                yield -1L;
            }
        };
    }

    void skip(ByteCursor cursor, int form) throws IOException {
        switch (form) {
            case 0x01 -> cursor.skip(addressSize); // addr
            case 0x03 -> cursor.skip(cursor.u16()); // block2
            case 0x04 -> cursor.skip(cursor.u32() & 0xFFFFFFFFL); // block4
            case 0x05, 0x12 -> cursor.skip(2); // data2, ref2
            case 0x06, 0x13, 0x1c -> cursor.skip(4); // data4, ref4, ref_sup4
            case 0x07, 0x14, 0x20, 0x24 -> cursor.skip(8); // data8, ref8, ref_sig8, ref_sup8
            case 0x08 -> cursor.cString(); // string
            case 0x09, 0x18 -> cursor.skip(cursor.uleb()); // block, exprloc
            case 0x0a -> cursor.skip(cursor.u8()); // block1
            case 0x0b, 0x0c, 0x11, 0x25, 0x29 -> cursor.skip(1); // data1, flag, ref1, strx1, addrx1
            case 0x0d -> cursor.sleb(); // sdata
            case 0x0e, 0x17, 0x1d, 0x1f -> cursor.skip(offsetSize); // strp, sec_offset, strp_sup, line_strp
            case 0x0f, 0x15, 0x1a, 0x1b, 0x22, 0x23 -> cursor.uleb(); // udata, ref_udata, strx, addrx, *listx
            case 0x10 -> cursor.skip(version <= 2 ? addressSize : offsetSize); // ref_addr
            case 0x16 -> skip(cursor, (int) cursor.uleb()); // indirect
            case 0x19, 0x21 -> { } // flag_present, implicit_const: nothing in the entry
            case 0x1e -> cursor.skip(16); // data16
            case 0x26, 0x2a -> cursor.skip(2); // strx2, addrx2
            case 0x27, 0x2b -> cursor.skip(3); // strx3, addrx3
            case 0x28, 0x2c -> cursor.skip(4); // strx4, addrx4
            default -> throw new IOException("unsupported DWARF form 0x" + Integer.toHexString(form));
        }
    }
}
