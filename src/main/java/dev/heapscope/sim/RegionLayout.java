package dev.heapscope.sim;

import dev.heapscope.model.Region;

/**
 * One contiguous heap region of the virtual ESP32, as ESP-IDF lists them at boot
 * ({@code At 3FFAE6E0 len 00001920 (6 KiB): DRAM}).
 *
 * @param kind         Internal or PSRAM
 * @param startAddress first byte of the region
 * @param sizeBytes    length of the region
 */
public record RegionLayout(Region kind, int startAddress, int sizeBytes) {

    public int endAddressExclusive() {
        return startAddress + sizeBytes;
    }

    public boolean contains(int address) {
        return address >= startAddress && address < endAddressExclusive();
    }
}
