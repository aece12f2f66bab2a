package dev.heapscope.model;

/** The memory an allocation lives in, as dialects B and C label it. A record of dialect A has none. */
public enum Region {
    INTERNAL("Internal"),
    PSRAM("PSRAM");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    /** The word the firmware prints after the address ({@code Internal} or {@code PSRAM}). */
    public String label() {
        return label;
    }

    /** The region an address of an ESP32 falls in, for inputs that print no label. */
    public static Region ofAddress(int address) {
        long unsigned = Integer.toUnsignedLong(address);
        return unsigned >= 0x3F80_0000L && unsigned < 0x3FC0_0000L ? PSRAM : INTERNAL;
    }
}
