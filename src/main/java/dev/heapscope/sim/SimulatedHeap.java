package dev.heapscope.sim;

import dev.heapscope.model.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The virtual ESP32's heap: internal DRAM split into the regions an ESP32 reports at boot, plus an
 * optional 4 MB PSRAM region, each with a real allocator (see {@link HeapRegion}: 4-byte header,
 * 4-byte alignment, 16-byte minimum block, good fit, splitting, coalescing), so fragmentation is real.
 *
 * <p>Internal layout (addresses of an ESP32 running IDF 5.1 with Bluetooth off): {@code 0x3FFAE6E0}
 * 6,432 B, {@code 0x3FFE0440} 15,072 B, {@code 0x3FFE4350} 113,840 B, and the main DRAM region that
 * ends at {@code 0x3FFE0000} and starts wherever the requested total leaves it (static data sits
 * below it on a real board). The small regions are filled first; below their sum they shrink.
 *
 * <p>Placement as {@code heap_caps_malloc_default} with {@code CONFIG_SPIRAM_MALLOC_ALWAYSINTERNAL
 * = 16384}: a request of at most 16,384 bytes tries internal RAM first, a bigger one PSRAM first;
 * either falls back to the other. {@link #freeBytes()} counts free blocks including their headers,
 * so {@code totalBytes() - freeBytes()} is exactly the space live blocks occupy. Sizes reported by
 * {@link #free} and {@link #sizeOf} are the requested sizes. Owned by the board thread.
 */
public final class SimulatedHeap {
    public static final int ALWAYS_INTERNAL_LIMIT_BYTES = 16_384;
    public static final int PSRAM_START = 0x3F80_0000;
    public static final int PSRAM_MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_INTERNAL_BYTES = 0x1920 + 0x30000 + 0x3AE0 + 0x1BCB0;
    private static final int MIN_REGION_BYTES = 64;

    private final List<HeapRegion> internal = new ArrayList<>();
    private final List<HeapRegion> psram = new ArrayList<>();
    private final List<HeapRegion> everyRegion = new ArrayList<>();
    private final long totalBytes;
    private long minimumFreeEver;

    /**
     * @param internalHeapBytes free internal heap at boot, 1 KiB to {@link #MAX_INTERNAL_BYTES}
     * @param psramBytes        PSRAM size, 0 for none, at most 4 MiB
     */
    public SimulatedHeap(int internalHeapBytes, int psramBytes) {
        if (internalHeapBytes < 1024 || internalHeapBytes > MAX_INTERNAL_BYTES) {
            throw new IllegalArgumentException("internal heap must be 1024.." + MAX_INTERNAL_BYTES
                    + " bytes, not " + internalHeapBytes);
        }
        if (psramBytes < 0 || psramBytes > PSRAM_MAX_BYTES) {
            throw new IllegalArgumentException("PSRAM must be 0.." + PSRAM_MAX_BYTES + " bytes, not " + psramBytes);
        }
        for (RegionLayout layout : internalLayout(internalHeapBytes)) {
            internal.add(new HeapRegion(layout));
        }
        if (psramBytes > 0) {
            psram.add(new HeapRegion(new RegionLayout(Region.PSRAM, PSRAM_START, psramBytes & ~3)));
        }
        everyRegion.addAll(internal);
        everyRegion.addAll(psram);
        long total = 0;
        for (HeapRegion region : everyRegion) {
            total += region.layout().sizeBytes();
        }
        totalBytes = total;
        minimumFreeEver = total;
    }

    private static List<RegionLayout> internalLayout(int totalBytes) {
        int remaining = totalBytes & ~3;
        List<RegionLayout> layouts = new ArrayList<>();
        int[][] fixed = {{0x3FFA_E6E0, 0x1920}, {0x3FFE_0440, 0x3AE0}, {0x3FFE_4350, 0x1_BCB0}};
        for (int[] region : fixed) {
            int size = Math.min(region[1], remaining);
            if (size >= MIN_REGION_BYTES) {
                layouts.add(new RegionLayout(Region.INTERNAL, region[0], size));
                remaining -= size;
            }
        }
        if (remaining >= MIN_REGION_BYTES) {
            layouts.add(new RegionLayout(Region.INTERNAL, 0x3FFE_0000 - remaining, remaining));
        }
        // the DRAM regions come first in address order, as ESP-IDF tries them
        layouts.sort((a, b) -> Integer.compareUnsigned(a.startAddress(), b.startAddress()));
        return layouts;
    }

    /** Allocates {@code sizeBytes}; returns the address, or 0 when nothing fits (or size ≤ 0). Never throws. */
    public int allocate(int sizeBytes) {
        if (sizeBytes <= 0) {
            return 0;
        }
        boolean psramFirst = sizeBytes > ALWAYS_INTERNAL_LIMIT_BYTES;
        int address = allocateIn(psramFirst ? psram : internal, sizeBytes);
        if (address == 0) {
            address = allocateIn(psramFirst ? internal : psram, sizeBytes);
        }
        if (address != 0) {
            minimumFreeEver = Math.min(minimumFreeEver, freeBytes());
        }
        return address;
    }

    private static int allocateIn(List<HeapRegion> regions, int sizeBytes) {
        for (HeapRegion region : regions) {
            int address = region.allocate(sizeBytes);
            if (address != 0) {
                return address;
            }
        }
        return 0;
    }

    /** Frees a live block; returns its requested size, or -1 for an unknown address or a double free. */
    public int free(int address) {
        HeapRegion region = owner(address);
        return region == null ? -1 : region.free(address);
    }

    /**
     * C {@code realloc}: 0 → allocate; size 0 → free and return 0; otherwise resizes in place when
     * the next block allows, or moves. Returns the new address, or 0 (old block untouched) when
     * nothing fits or {@code address} is not live.
     */
    public int realloc(int address, int newSizeBytes) {
        if (address == 0) {
            return allocate(newSizeBytes);
        }
        HeapRegion region = owner(address);
        if (region == null || newSizeBytes < 0) {
            return 0;
        }
        if (newSizeBytes == 0) {
            region.free(address);
            return 0;
        }
        if (region.resizeInPlace(address, newSizeBytes)) {
            minimumFreeEver = Math.min(minimumFreeEver, freeBytes());
            return address;
        }
        int moved = allocate(newSizeBytes);
        if (moved != 0) {
            region.free(address);
        }
        return moved;
    }

    /** Free bytes in all regions (what {@code node.heap()} reports). */
    public long freeBytes() {
        long sum = 0;
        for (HeapRegion region : all()) {
            sum += region.freeBytes();
        }
        return sum;
    }

    public long freeBytes(Region kind) {
        long sum = 0;
        for (HeapRegion region : kind == Region.PSRAM ? psram : internal) {
            sum += region.freeBytes();
        }
        return sum;
    }

    /** The biggest single allocation that could succeed now. */
    public int largestFreeBlock() {
        int largest = 0;
        for (HeapRegion region : all()) {
            largest = Math.max(largest, region.largestAllocatableBytes());
        }
        return largest;
    }

    /** The lowest {@link #freeBytes()} seen since boot. */
    public long minimumFreeBytesEver() {
        return minimumFreeEver;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public boolean hasPsram() {
        return !psram.isEmpty();
    }

    /** The region an address lies in, or {@code null} when it lies in none. */
    public Region regionOf(int address) {
        for (HeapRegion region : all()) {
            if (region.layout().contains(address)) {
                return region.layout().kind();
            }
        }
        return null;
    }

    /** The requested size of a live block, or -1 when {@code address} is not live. */
    public int sizeOf(int address) {
        HeapRegion region = owner(address);
        return region == null ? -1 : region.sizeOf(address);
    }

    /** Bytes a live block occupies including its header, or -1 (for tests of the accounting). */
    int blockBytesOf(int address) {
        HeapRegion region = owner(address);
        return region == null ? -1 : region.blockBytesOf(address);
    }

    public int liveBlocks() {
        int count = 0;
        for (HeapRegion region : all()) {
            count += region.liveBlocks();
        }
        return count;
    }

    /** The regions in address order, as the boot log lists them. */
    public List<RegionLayout> layout() {
        List<RegionLayout> layouts = new ArrayList<>();
        for (HeapRegion region : all()) {
            layouts.add(region.layout());
        }
        layouts.sort((a, b) -> Integer.compareUnsigned(a.startAddress(), b.startAddress()));
        return layouts;
    }

    private HeapRegion owner(int address) {
        for (HeapRegion region : all()) {
            if (region.layout().contains(address)) {
                return region.owns(address) ? region : null;
            }
        }
        return null;
    }

    private List<HeapRegion> all() {
        return everyRegion;
    }
}
