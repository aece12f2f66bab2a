package dev.heapscope.symbols;

/**
 * Where ESP32-family chips execute code: the instruction buses from 0x40000000 (ROM, IRAM, flash
 * cache on ESP32; IRAM 0x4037…, flash 0x42… on S2/S3/C3/C6). A "return address" outside them (a
 * 0x3ffb… data address, a zero-filled slot) is a corrupt or misread chain, not a frame.
 */
public final class CodeRegions {
    private static final long CODE_START = 0x4000_0000L;
    private static final long CODE_END = 0x4400_0000L;

    private CodeRegions() {
    }

    public static boolean isCode(int address) {
        long unsigned = Integer.toUnsignedLong(address);
        return unsigned >= CODE_START && unsigned < CODE_END;
    }
}
