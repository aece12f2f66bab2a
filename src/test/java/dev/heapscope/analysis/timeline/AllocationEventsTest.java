package dev.heapscope.analysis.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationEventsTest {
    private static AllocationEvents events(long[] times, int[] sizes) {
        return AllocationEvents.fromUnsorted(times, sizes, 0);
    }

    @Test
    void rangeQueriesIncludeBothEndsAndFindNothingOutside() {
        AllocationEvents events = events(new long[]{10, 20, 20, 30, 40}, new int[]{1, 2, 3, 4, 5});

        assertThat(events.countBetween(20, 30)).isEqualTo(3);
        assertThat(events.bytesBetween(20, 30)).isEqualTo(9);
        assertThat(events.countBetween(11, 19)).isZero();
        assertThat(events.countBetween(41, 1_000)).isZero();
        assertThat(events.countBetween(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(5);
        assertThat(events.countBetween(30, 20)).isZero();
        assertThat(events.firstAtOrAfter(21)).isEqualTo(3);
        assertThat(events.firstAtOrAfter(41)).isEqualTo(5);
    }

    @Test
    void eventsGivenOutOfOrderAreSortedAndKeepTheirSizes() {
        AllocationEvents events = events(new long[]{50, 10, 40, 10, 30, 20}, new int[]{5, 1, 4, 11, 3, 2});

        long[] times = new long[events.size()];
        int[] sizes = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            times[i] = events.timeMicros(i);
            sizes[i] = events.sizeBytes(i);
        }
        assertThat(times).containsExactly(10, 10, 20, 30, 40, 50);
        assertThat(sizes).containsExactly(1, 11, 2, 3, 4, 5); // stable: equal times keep their order
    }

    @Test
    void aSingleLargeAllocationAmongManySmallOnesStaysVisibleInItsColumn() {
        int n = 1_000_000;
        long[] times = new long[n];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_000_000L + i;
            sizes[i] = i == 654_321 ? 40_000 : 16;
        }
        AllocationColumns columns = events(times, sizes).reduce(1_000_000L, 1_000_000L + n, 1_400);

        int bigColumn = (int) (654_321L * 1_400 / n);
        assertThat(columns.largestBytes()[bigColumn]).isEqualTo(40_000);
        assertThat(columns.largestBytes()[bigColumn - 1]).isEqualTo(16);
        assertThat(columns.largestBytes()[bigColumn + 1]).isEqualTo(16);
        assertThat(columns.totalCount()).isEqualTo(n);
        assertThat(columns.bytes()[bigColumn]).isGreaterThan(columns.bytes()[bigColumn - 1] + 39_000);
    }

    @Test
    void reducingAWindowCountsOnlyTheEventsInsideIt() {
        AllocationEvents events = events(new long[]{0, 100, 150, 199, 200, 300}, new int[]{1, 2, 4, 8, 16, 32});
        AllocationColumns columns = events.reduce(100, 200, 2);

        // [100, 150) and [150, 200], the last column keeps the window's end
        assertThat(columns.counts()).containsExactly(1, 3);
        assertThat(columns.bytes()).containsExactly(2, 28);
        assertThat(columns.largestBytes()).containsExactly(2, 16);
        assertThat(columns.mostBytesInAColumn()).isEqualTo(28);
    }

    @Test
    void anEmptyOrBackwardWindowGivesEmptyColumns() {
        AllocationEvents events = events(new long[]{5}, new int[]{7});

        assertThat(events.reduce(10, 5, 4).totalCount()).isZero();
        assertThat(events.reduce(0, 10, 0).columns()).isZero();
        assertThat(AllocationEvents.EMPTY.reduce(0, 10, 3).totalCount()).isZero();
    }

    @Test
    void timesAndSizesOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> events(new long[]{1, 2}, new int[]{1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }
}
