package dev.heapscope.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedHeapPropertiesTest {

    /**
     * Each step is a size to allocate when positive and, when negative, an index (mod live count)
     * of a block to free; sizes are large enough relative to the heap that it fills up.
     */
    @Property(tries = 200)
    void randomAllocateAndFreeSequencesKeepBlocksDisjointAndBytesAccounted(
            @ForAll @Size(max = 400) List<@IntRange(min = -4000, max = 4000) Integer> steps,
            @ForAll boolean withPsram) {
        SimulatedHeap heap = new SimulatedHeap(24 * 1024, withPsram ? 64 * 1024 : 0);
        TreeMap<Integer, Integer> live = new TreeMap<>();
        List<Integer> order = new ArrayList<>();
        for (int step : steps) {
            if (step > 0) {
                int address = heap.allocate(step);
                if (address != 0) {
                    assertThat(live).doesNotContainKey(address);
                    live.put(address, step);
                    order.add(address);
                }
            } else if (!order.isEmpty()) {
                int address = order.remove(Math.floorMod(step, order.size()));
                assertThat(heap.free(address)).isEqualTo(live.remove(address));
            } else {
                assertThat(heap.free(step)).isEqualTo(-1);
            }
        }

        long occupied = 0;
        Map.Entry<Integer, Integer> previous = null;
        for (Map.Entry<Integer, Integer> block : live.entrySet()) {
            assertThat(block.getKey() % 4).isZero();
            assertThat(heap.sizeOf(block.getKey())).isEqualTo(block.getValue());
            if (previous != null) {
                assertThat(block.getKey() - HeapRegion.HEADER_BYTES)
                        .isGreaterThanOrEqualTo(previous.getKey() + previous.getValue());
            }
            int blockBytes = heap.blockBytesOf(block.getKey());
            // a block takes its rounded size, or a little more when the rest was too small to split off
            assertThat(blockBytes).isBetween(HeapRegion.blockBytesFor(block.getValue()),
                    HeapRegion.blockBytesFor(block.getValue()) + HeapRegion.MIN_BLOCK_BYTES - 4);
            assertThat(block.getKey() - HeapRegion.HEADER_BYTES + blockBytes)
                    .isLessThanOrEqualTo(live.higherKey(block.getKey()) == null ? Integer.MAX_VALUE
                            : live.higherKey(block.getKey()) - HeapRegion.HEADER_BYTES);
            occupied += blockBytes;
            previous = block;
        }
        assertThat(heap.freeBytes()).isEqualTo(heap.totalBytes() - occupied);
        assertThat(heap.liveBlocks()).isEqualTo(live.size());
        assertThat(heap.minimumFreeBytesEver()).isLessThanOrEqualTo(heap.freeBytes());
        assertThat(heap.largestFreeBlock()).isLessThanOrEqualTo((int) heap.freeBytes());

        for (int address : order) {
            heap.free(address);
        }
        assertThat(heap.freeBytes()).isEqualTo(heap.totalBytes());
    }
}
