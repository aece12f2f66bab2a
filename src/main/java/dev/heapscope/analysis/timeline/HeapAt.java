package dev.heapscope.analysis.timeline;

import dev.heapscope.model.HeapSample;

import java.util.List;
import java.util.Optional;

/** The free heap at a moment: the last poll at or before it (a poll's value holds until the next one). */
public final class HeapAt {
    private HeapAt() {
    }

    /** Empty before the first poll, or when {@code gaps} says the link was down at that moment. */
    public static Optional<HeapSample> at(List<HeapSample> samples, long millis, LinkGaps gaps) {
        if (gaps.contains(millis)) {
            return Optional.empty();
        }
        int low = 0;
        int high = samples.size() - 1;
        int found = -1;
        while (low <= high) { // samples arrive in time order
            int mid = (low + high) >>> 1;
            if (samples.get(mid).hostMillis() <= millis) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(samples.get(found));
    }
}
