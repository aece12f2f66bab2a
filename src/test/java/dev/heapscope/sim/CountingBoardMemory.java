package dev.heapscope.sim;

import dev.heapscope.model.CallChain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test heap: hands out fake addresses, remembers every live block with its chain, has a capacity. */
final class CountingBoardMemory implements BoardMemory {
    record Block(int address, int sizeBytes, CallChain chain) {
    }

    final Map<Integer, Block> live = new LinkedHashMap<>();
    final List<Block> allocations = new ArrayList<>();
    int frees;
    int unknownFrees;
    long capacityBytes;
    private long usedBytes;
    private int nextAddress = 0x3ffb0000;

    CountingBoardMemory(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    @Override
    public int allocate(int sizeBytes, CallChain chain) {
        if (sizeBytes <= 0 || usedBytes + sizeBytes > capacityBytes) {
            return 0;
        }
        int address = nextAddress;
        nextAddress += (sizeBytes + 7) & ~3;
        Block block = new Block(address, sizeBytes, chain);
        live.put(address, block);
        allocations.add(block);
        usedBytes += sizeBytes;
        return address;
    }

    @Override
    public void free(int address, CallChain chain) {
        Block block = live.remove(address);
        if (block == null) {
            unknownFrees++;
            return;
        }
        frees++;
        usedBytes -= block.sizeBytes();
    }

    @Override
    public int reallocate(int address, int newSizeBytes, CallChain chain) {
        Block old = live.get(address);
        if (old == null || usedBytes - old.sizeBytes() + newSizeBytes > capacityBytes) {
            return 0;
        }
        free(address, chain);
        return allocate(newSizeBytes, chain);
    }

    @Override
    public long freeBytes() {
        return capacityBytes - usedBytes;
    }

    long usedBytes() {
        return usedBytes;
    }
}
