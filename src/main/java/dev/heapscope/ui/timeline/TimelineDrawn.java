package dev.heapscope.ui.timeline;

import java.util.List;

/**
 * What the last paint of the timeline drew, for tests and people reading it: the pieces of the free-heap
 * line (one per period with a link), the marker labels and their rows (close markers stack), the axis ticks.
 */
public record TimelineDrawn(int heapSegments, List<String> markerLabels, List<Integer> markerRows,
                            List<String> tickLabels) {
    static final TimelineDrawn NOTHING = new TimelineDrawn(0, List.of(), List.of(), List.of());
}
