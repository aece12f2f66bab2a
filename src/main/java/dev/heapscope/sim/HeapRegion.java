package dev.heapscope.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A good-fit allocator over one region, in the spirit of the TLSF heap ESP-IDF uses: every block
 * carries a {@value #HEADER_BYTES}-byte header, sizes round up to 4 bytes, no block is smaller than
 * {@value #MIN_BLOCK_BYTES} bytes, a bigger free block is split and freed neighbours coalesce.
 * Free blocks are indexed by address (for coalescing) and by size (smallest that fits, lowest
 * address first), so every operation is O(log n).
 */
final class HeapRegion {
    static final int HEADER_BYTES = 4;
    static final int MIN_BLOCK_BYTES = 16;

    private final RegionLayout layout;
    private final TreeMap<Integer, Integer> freeByAddress = new TreeMap<>();
    private final TreeSet<Long> freeBySize = new TreeSet<>();
    /** payload address → (block size << 32) | requested size. */
    private final Map<Integer, Long> used = new HashMap<>();
    private long freeBytes;

    HeapRegion(RegionLayout layout) {
        this.layout = layout;
        addFree(layout.startAddress(), layout.sizeBytes());
    }

    RegionLayout layout() {
        return layout;
    }

    static int blockBytesFor(int requestBytes) {
        long rounded = ((long) requestBytes + 3) & ~3L;
        return (int) Math.max(MIN_BLOCK_BYTES, Math.min(Integer.MAX_VALUE & ~3, rounded + HEADER_BYTES));
    }

    /** The payload address, or 0 when no free block is big enough. */
    int allocate(int requestBytes) {
        int need = blockBytesFor(requestBytes);
        Long fit = freeBySize.ceiling((long) need << 32);
        if (fit == null) {
            return 0;
        }
        int blockSize = (int) (fit >>> 32);
        int blockStart = (int) (long) fit;
        removeFree(blockStart, blockSize);
        if (blockSize - need >= MIN_BLOCK_BYTES) {
            addFree(blockStart + need, blockSize - need);
            blockSize = need;
        }
        int address = blockStart + HEADER_BYTES;
        used.put(address, pack(blockSize, requestBytes));
        return address;
    }

    boolean owns(int address) {
        return used.containsKey(address);
    }

    /** The requested size of a live block, or -1. */
    int sizeOf(int address) {
        Long entry = used.get(address);
        return entry == null ? -1 : (int) (long) entry;
    }

    int blockBytesOf(int address) {
        Long entry = used.get(address);
        return entry == null ? -1 : (int) (entry >>> 32);
    }

    /** Frees a live block; returns its requested size, or -1 when {@code address} is not live here. */
    int free(int address) {
        Long entry = used.remove(address);
        if (entry == null) {
            return -1;
        }
        releaseBlock(address - HEADER_BYTES, (int) (entry >>> 32));
        return (int) (long) entry;
    }

    /** Resizes a live block where it is; false (nothing changed) when its neighbour cannot give enough. */
    boolean resizeInPlace(int address, int newRequestBytes) {
        long entry = used.get(address);
        int blockStart = address - HEADER_BYTES;
        int blockSize = (int) (entry >>> 32);
        int need = blockBytesFor(newRequestBytes);
        if (need > blockSize) {
            Integer nextSize = freeByAddress.get(blockStart + blockSize);
            if (nextSize == null || blockSize + nextSize < need) {
                return false;
            }
            removeFree(blockStart + blockSize, nextSize);
            blockSize += nextSize;
        }
        if (blockSize - need >= MIN_BLOCK_BYTES) {
            releaseBlock(blockStart + need, blockSize - need);
            blockSize = need;
        }
        used.put(address, pack(blockSize, newRequestBytes));
        return true;
    }

    long freeBytes() {
        return freeBytes;
    }

    /** The biggest request one allocation could satisfy now. */
    int largestAllocatableBytes() {
        return freeBySize.isEmpty() ? 0 : (int) (freeBySize.last() >>> 32) - HEADER_BYTES;
    }

    int liveBlocks() {
        return used.size();
    }

    private void releaseBlock(int start, int size) {
        Map.Entry<Integer, Integer> before = freeByAddress.lowerEntry(start);
        if (before != null && before.getKey() + before.getValue() == start) {
            removeFree(before.getKey(), before.getValue());
            start = before.getKey();
            size += before.getValue();
        }
        Integer afterSize = freeByAddress.get(start + size);
        if (afterSize != null) {
            removeFree(start + size, afterSize);
            size += afterSize;
        }
        addFree(start, size);
    }

    private void addFree(int start, int size) {
        freeByAddress.put(start, size);
        freeBySize.add(pack(size, start));
        freeBytes += size;
    }

    private void removeFree(int start, int size) {
        freeByAddress.remove(start);
        freeBySize.remove(pack(size, start));
        freeBytes -= size;
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | Integer.toUnsignedLong(low);
    }
}
