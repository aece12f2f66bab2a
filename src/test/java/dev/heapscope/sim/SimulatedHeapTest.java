package dev.heapscope.sim;

import dev.heapscope.model.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedHeapTest {
    private static final int KIB = 1024;

    @Test
    void regionsAddUpToTheRequestedHeapAndLookLikeAnEsp32() {
        SimulatedHeap heap = new SimulatedHeap(200 * KIB, 0);

        assertThat(heap.totalBytes()).isEqualTo(200 * KIB);
        assertThat(heap.freeBytes()).isEqualTo(200 * KIB);
        assertThat(heap.layout()).extracting(RegionLayout::startAddress)
                .containsExactly(0x3FFAE6E0, 0x3FFE0000 - (200 * KIB - 0x1920 - 0x3AE0 - 0x1BCB0), 0x3FFE0440, 0x3FFE4350);
        assertThat(heap.layout()).allMatch(region -> region.kind() == Region.INTERNAL);
        assertThat(heap.hasPsram()).isFalse();
    }

    @Test
    void allocationsAreFourByteAlignedAndNeverOverlap() {
        SimulatedHeap heap = new SimulatedHeap(64 * KIB, 0);
        List<long[]> blocks = new ArrayList<>();
        for (int size = 1; size < 300; size += 7) {
            int address = heap.allocate(size);
            assertThat(address).isNotZero();
            assertThat(address % 4).isZero();
            assertThat(heap.sizeOf(address)).isEqualTo(size);
            blocks.add(new long[]{address, address + size});
        }
        blocks.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < blocks.size(); i++) {
            assertThat(blocks.get(i)[0]).isGreaterThanOrEqualTo(blocks.get(i - 1)[1]);
        }
    }

    @Test
    void everyBlockCostsItsRoundedSizePlusTheHeaderAndAtLeastTheMinimumBlock() {
        SimulatedHeap heap = new SimulatedHeap(64 * KIB, 0);
        long before = heap.freeBytes();
        heap.allocate(1);
        assertThat(before - heap.freeBytes()).isEqualTo(HeapRegion.MIN_BLOCK_BYTES);
        before = heap.freeBytes();
        heap.allocate(101);
        assertThat(before - heap.freeBytes()).isEqualTo(104 + HeapRegion.HEADER_BYTES);
    }

    @Test
    void freeingNeighboursCoalescesBackIntoTheLargestBlock() {
        SimulatedHeap heap = new SimulatedHeap(64 * KIB, 0);
        int largestAtBoot = heap.largestFreeBlock();
        List<Integer> addresses = new ArrayList<>();
        for (int address = heap.allocate(100); address != 0; address = heap.allocate(100)) {
            addresses.add(address);
        }
        for (int i = 0; i < addresses.size(); i += 2) {
            heap.free(addresses.get(i));
        }
        assertThat(heap.largestFreeBlock()).isLessThan(largestAtBoot);
        for (int i = 1; i < addresses.size(); i += 2) {
            heap.free(addresses.get(i));
        }
        assertThat(heap.largestFreeBlock()).isEqualTo(largestAtBoot);
        assertThat(heap.freeBytes()).isEqualTo(heap.totalBytes());
        assertThat(heap.liveBlocks()).isZero();
    }

    @Test
    void fragmentationLeavesFreeBytesThatNoSingleAllocationCanUse() {
        SimulatedHeap heap = new SimulatedHeap(8 * KIB, 0);
        List<Integer> addresses = new ArrayList<>();
        for (int address = heap.allocate(60); address != 0; address = heap.allocate(60)) {
            addresses.add(address);
        }
        for (int i = 0; i < addresses.size(); i += 2) {
            heap.free(addresses.get(i));
        }
        assertThat(heap.freeBytes()).isGreaterThan(2 * KIB);
        assertThat(heap.allocate(200)).isZero();
    }

    @Test
    void outOfMemoryReturnsZeroAndNeverThrows() {
        SimulatedHeap heap = new SimulatedHeap(4 * KIB, 0);

        assertThat(heap.allocate(5 * KIB)).isZero();
        assertThat(heap.allocate(Integer.MAX_VALUE)).isZero();
        assertThat(heap.allocate(0)).isZero();
        assertThat(heap.allocate(-5)).isZero();
        assertThat(heap.freeBytes()).isEqualTo(heap.totalBytes());
    }

    @Test
    void unknownAndDoubleFreesReturnMinusOneAndChangeNothing() {
        SimulatedHeap heap = new SimulatedHeap(16 * KIB, 0);
        int address = heap.allocate(40);
        long freeWithBlock = heap.freeBytes();

        assertThat(heap.free(0x12345678)).isEqualTo(-1);
        assertThat(heap.free(address + 4)).isEqualTo(-1);
        assertThat(heap.freeBytes()).isEqualTo(freeWithBlock);
        assertThat(heap.free(address)).isEqualTo(40);
        assertThat(heap.free(address)).isEqualTo(-1);
        assertThat(heap.freeBytes()).isEqualTo(heap.totalBytes());
    }

    @Test
    void smallRequestsGoInternalAndBigOnesToPsramWhenPresent() {
        SimulatedHeap heap = new SimulatedHeap(200 * KIB, 4 * KIB * KIB);

        int small = heap.allocate(SimulatedHeap.ALWAYS_INTERNAL_LIMIT_BYTES);
        int big = heap.allocate(SimulatedHeap.ALWAYS_INTERNAL_LIMIT_BYTES + 1);
        assertThat(heap.regionOf(small)).isEqualTo(Region.INTERNAL);
        assertThat(heap.regionOf(big)).isEqualTo(Region.PSRAM);
        assertThat(big).isGreaterThanOrEqualTo(SimulatedHeap.PSRAM_START);
        assertThat(heap.totalBytes()).isEqualTo(200 * KIB + 4 * KIB * KIB);
    }

    @Test
    void eachKindFallsBackToTheOtherWhenFull() {
        SimulatedHeap heap = new SimulatedHeap(32 * KIB, 64 * KIB);
        while (heap.allocate(1000) != 0 && heap.freeBytes(Region.INTERNAL) > 1100) {
            // fill internal RAM
        }
        int spilled = heap.allocate(1000);
        assertThat(heap.regionOf(spilled)).isEqualTo(Region.PSRAM);

        SimulatedHeap noRoomInPsram = new SimulatedHeap(100 * KIB, 20 * KIB);
        int big = noRoomInPsram.allocate(30 * KIB);
        assertThat(noRoomInPsram.regionOf(big)).isEqualTo(Region.INTERNAL);
    }

    @Test
    void withoutPsramBigRequestsUseInternalRam() {
        SimulatedHeap heap = new SimulatedHeap(200 * KIB, 0);
        assertThat(heap.regionOf(heap.allocate(40 * KIB))).isEqualTo(Region.INTERNAL);
    }

    @Test
    void reallocGrowsInPlaceWhenTheNextBlockIsFreeAndMovesOtherwise() {
        SimulatedHeap heap = new SimulatedHeap(64 * KIB, 0);
        int first = heap.allocate(100);
        assertThat(heap.realloc(first, 400)).isEqualTo(first);
        assertThat(heap.sizeOf(first)).isEqualTo(400);

        int blocker = heap.allocate(16);
        int moved = heap.realloc(first, 2000);
        assertThat(moved).isNotEqualTo(first).isNotZero();
        assertThat(heap.sizeOf(first)).isEqualTo(-1);
        assertThat(heap.sizeOf(moved)).isEqualTo(2000);
        assertThat(heap.sizeOf(blocker)).isEqualTo(16);
        assertThat(heap.realloc(moved, 10)).isEqualTo(moved);
    }

    @Test
    void failedReallocKeepsTheOldBlock() {
        SimulatedHeap heap = new SimulatedHeap(8 * KIB, 0);
        int address = heap.allocate(100);
        heap.allocate(16);

        assertThat(heap.realloc(address, 100 * KIB)).isZero();
        assertThat(heap.sizeOf(address)).isEqualTo(100);
        assertThat(heap.realloc(0x3F000000, 10)).isZero();
    }

    @Test
    void reallocOfNullAllocatesAndToZeroFrees() {
        SimulatedHeap heap = new SimulatedHeap(8 * KIB, 0);
        int address = heap.realloc(0, 30);
        assertThat(heap.sizeOf(address)).isEqualTo(30);
        assertThat(heap.realloc(address, 0)).isZero();
        assertThat(heap.freeBytes()).isEqualTo(heap.totalBytes());
    }

    @Test
    void minimumFreeEverRemembersTheLowPoint() {
        SimulatedHeap heap = new SimulatedHeap(16 * KIB, 0);
        int address = heap.allocate(8 * KIB);
        assertThat(address).isNotZero();
        long low = heap.freeBytes();
        heap.free(address);

        assertThat(heap.minimumFreeBytesEver()).isEqualTo(low);
        assertThat(heap.freeBytes()).isGreaterThan(low);
    }

    @Test
    void regionOfAnAddressOutsideTheHeapIsNull() {
        SimulatedHeap heap = new SimulatedHeap(200 * KIB, 0);
        assertThat(heap.regionOf(0x400d1234)).isNull();
        assertThat(heap.regionOf(SimulatedHeap.PSRAM_START)).isNull();
    }

    @Test
    void impossibleSizesAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new SimulatedHeap(10, 0)).hasMessageContaining("internal heap must be");
        assertThatThrownBy(() -> new SimulatedHeap(200 * KIB, 8 * KIB * KIB)).hasMessageContaining("PSRAM must be");
    }
}
