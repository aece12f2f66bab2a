package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceBufferTest {
    private static final CallChain FREER = CallChain.of(0x400d9000);

    private static Record record(int size, int address) {
        return new Record(size, address, Region.INTERNAL, 0, 0, CallChain.EMPTY, false, CallChain.EMPTY, 0);
    }

    @Test
    void aFreeMatchesTheNewestRecordOfItsAddressAsIdfsReverseSearchDoes() {
        TraceBuffer buffer = new TraceBuffer();
        buffer.add(record(1, 0x3ffb0010));
        buffer.add(record(2, 0x3ffb0010));

        assertThat(buffer.markFreed(0x3ffb0010, FREER)).isTrue();
        assertThat(buffer.records()).extracting(Record::freed).containsExactly(false, true);
        assertThat(buffer.removeNewest(0x3ffb0010)).isTrue();
        assertThat(buffer.removeNewest(0x3ffb0010)).isTrue();
        assertThat(buffer.removeNewest(0x3ffb0010)).isFalse();
        assertThat(buffer.count()).isZero();
    }

    @Test
    void droppingTheOldestKeepsANewerRecordOfTheSameAddressFindable() {
        TraceBuffer buffer = new TraceBuffer();
        buffer.add(record(1, 0x3ffb0010));
        buffer.add(record(2, 0x3ffb0020));
        buffer.add(record(3, 0x3ffb0010));

        buffer.removeOldest();

        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(2, 3);
        assertThat(buffer.removeNewest(0x3ffb0010)).isTrue();
        assertThat(buffer.removeNewest(0x3ffb0010)).isFalse();
        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(2);
    }

    @Test
    void removingInTheMiddleKeepsTheOrder() {
        TraceBuffer buffer = new TraceBuffer();
        for (int i = 1; i <= 4; i++) {
            buffer.add(record(i, 0x3ffb0000 + 16 * i));
        }
        buffer.removeNewest(0x3ffb0020);
        buffer.removeNewest(0x3ffb0040);
        buffer.add(record(5, 0x3ffb0060));

        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(1, 3, 5);
        buffer.clear();
        assertThat(buffer.records()).isEmpty();
        assertThat(buffer.markFreed(0x3ffb0010, FREER)).isFalse();
    }
}
