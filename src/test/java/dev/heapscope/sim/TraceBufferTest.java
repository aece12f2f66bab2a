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

    /** esp-idf v4.4.8 heap_trace_standalone.c:221: {@code for (i = count - 1; i >= 0; i--)}. */
    @Test
    void onIdf44AFreeMatchesTheNewestRecordOfItsAddress() {
        TraceBuffer buffer = new TraceBuffer(false);
        buffer.add(record(1, 0x3ffb0010));
        buffer.add(record(2, 0x3ffb0010));

        assertThat(buffer.markFreed(0x3ffb0010, FREER)).isTrue();
        assertThat(buffer.records()).extracting(Record::freed).containsExactly(false, true);
        assertThat(buffer.removeMatching(0x3ffb0010)).isTrue();
        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(1);
    }

    /** esp-idf v5.1.3 heap_trace_standalone.c:584: {@code TAILQ_FOREACH} walks from the oldest record. */
    @Test
    void onIdf5AFreeMatchesTheOldestRecordOfItsAddressEvenAnAlreadyFreedOne() {
        TraceBuffer buffer = new TraceBuffer(true);
        buffer.add(record(1, 0x3ffb0010));
        buffer.markFreed(0x3ffb0010, FREER);
        buffer.add(record(2, 0x3ffb0010));

        buffer.markFreed(0x3ffb0010, CallChain.of(0x400d9100));

        // the second free overwrote the first record's freeing chain; the newer record still looks alive
        assertThat(buffer.records()).extracting(Record::freed).containsExactly(true, false);
        assertThat(buffer.records().get(0).freedBy()).isEqualTo(CallChain.of(0x400d9100));
        assertThat(buffer.removeMatching(0x3ffb0010)).isTrue();
        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(2);
        assertThat(buffer.removeMatching(0x3ffb0010)).isTrue();
        assertThat(buffer.removeMatching(0x3ffb0010)).isFalse();
        assertThat(buffer.count()).isZero();
    }

    @Test
    void droppingTheOldestKeepsANewerRecordOfTheSameAddressFindable() {
        TraceBuffer buffer = new TraceBuffer(true);
        buffer.add(record(1, 0x3ffb0010));
        buffer.add(record(2, 0x3ffb0020));
        buffer.add(record(3, 0x3ffb0010));

        buffer.removeOldest();

        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(2, 3);
        assertThat(buffer.removeMatching(0x3ffb0010)).isTrue();
        assertThat(buffer.removeMatching(0x3ffb0010)).isFalse();
        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(2);
    }

    /** esp-idf v5.1.3 heap_trace_standalone.c:459-496: fresh slots in order, a removed one first again. */
    @Test
    void slotsAreHandedOutAsIdf51sUnusedListDoes() {
        TraceBuffer buffer = new TraceBuffer(true);
        for (int i = 1; i <= 4; i++) {
            buffer.add(record(i, 0x3ffb0000 + 16 * i));
        }
        buffer.removeMatching(0x3ffb0020);
        buffer.removeMatching(0x3ffb0040);
        buffer.add(record(5, 0x3ffb0060));
        buffer.add(record(6, 0x3ffb0070));
        buffer.add(record(7, 0x3ffb0080));

        assertThat(buffer.records()).extracting(Record::sizeBytes).containsExactly(1, 3, 5, 6, 7);
        assertThat(buffer.entries()).extracting(e -> e.slot).containsExactly(0, 2, 3, 1, 4);
        buffer.clear();
        assertThat(buffer.records()).isEmpty();
        assertThat(buffer.markFreed(0x3ffb0010, FREER)).isFalse();
    }
}
