package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.LinkGaps;
import dev.heapscope.session.SessionSnapshot;

/**
 * What the timeline reads from a snapshot on every redraw but which changes only with the snapshot (the
 * periods without a link, board time 0): worked out once per snapshot, as a drag or a zoom redraws many
 * times over the same one and finding time 0 scans every heap sample. FX thread only.
 */
final class SnapshotFacts {
    private SessionSnapshot gapsOf;
    private LinkGaps gaps = LinkGaps.NONE;
    private SessionSnapshot originOf;
    private long origin = Long.MIN_VALUE;

    LinkGaps gaps(SessionSnapshot snapshot) {
        if (snapshot != gapsOf || gapsOf == null) {
            gapsOf = snapshot;
            gaps = TimelineReadout.gaps(snapshot);
        }
        return gaps;
    }

    /** Board time 0, or {@code fallbackMicros} when the snapshot has nothing to tell it by. */
    long originMicros(SessionSnapshot snapshot, long fallbackMicros) {
        if (snapshot != originOf || originOf == null) {
            originOf = snapshot;
            origin = TimelineReadout.originMicros(snapshot, Long.MIN_VALUE); // the fallback moves with a pan
        }
        return origin == Long.MIN_VALUE ? fallbackMicros : origin;
    }
}
