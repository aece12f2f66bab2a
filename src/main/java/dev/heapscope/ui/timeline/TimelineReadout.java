package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.AllocationEvents;
import dev.heapscope.analysis.timeline.HeapAt;
import dev.heapscope.analysis.timeline.LinkGaps;
import dev.heapscope.analysis.timeline.TimeAxis;
import dev.heapscope.analysis.timeline.TimeTicks;
import dev.heapscope.model.HeapSample;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What the timeline says about the moment under the mouse (board time, wall clock, the free heap then,
 * the allocations in that pixel column), and what it reads from a snapshot: when the session started
 * (board time 0) and when the link was down. No JavaFX: unit-tested.
 */
final class TimelineReadout {
    private TimelineReadout() {
    }

    /** The periods without a link, from the session's disconnect and (re)connect markers. */
    static LinkGaps gaps(SessionSnapshot snapshot) {
        if (snapshot == null) {
            return LinkGaps.NONE;
        }
        var links = snapshot.markers().stream().filter(m -> m.kind() == Marker.Kind.DISCONNECT
                || m.kind() == Marker.Kind.CONNECT).toList();
        long[] times = new long[links.size()];
        boolean[] lost = new boolean[links.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = links.get(i).hostMillis();
            lost[i] = links.get(i).kind() == Marker.Kind.DISCONNECT;
        }
        return LinkGaps.of(times, lost);
    }

    /** Board time 0: the first connect, else the first thing measured (a session opened from a log). */
    static long originMicros(SessionSnapshot snapshot, long fallbackMicros) {
        if (snapshot == null) {
            return fallbackMicros;
        }
        Optional<Marker> connect = snapshot.markers().stream().filter(m -> m.kind() == Marker.Kind.CONNECT).findFirst();
        if (connect.isPresent()) {
            return connect.get().hostMillis() * 1000;
        }
        long first = Long.MAX_VALUE;
        for (HeapSample sample : snapshot.samples()) {
            first = Math.min(first, sample.hostMillis() * 1000);
        }
        for (Marker marker : snapshot.markers()) {
            first = Math.min(first, marker.hostMillis() * 1000);
        }
        return first == Long.MAX_VALUE ? fallbackMicros : first;
    }

    /** One line for the pixel column under {@code x}; empty outside the plot. */
    static String at(double x, TimeAxis axis, SessionSnapshot snapshot, AllocationEvents events, ZoneId zone) {
        if (snapshot == null || x < axis.leftPx() || x >= axis.leftPx() + axis.widthPx()) {
            return "";
        }
        long micros = axis.microsAt(x);
        long columnFrom = axis.microsAt(Math.floor(x));
        long columnTo = axis.microsAt(Math.floor(x) + 1);
        LinkGaps gaps = gaps(snapshot);
        String heap = HeapAt.at(snapshot.samples(), micros / 1000, gaps)
                .map(s -> String.format(Locale.ROOT, "free heap %,d B", s.freeBytes()))
                .orElse(gaps.contains(micros / 1000) ? "no link" : "no heap poll yet");
        String markers = snapshot.markers().stream()
                .filter(m -> m.hostMillis() * 1000 >= columnFrom - 1000 && m.hostMillis() * 1000 <= columnTo + 1000)
                .map(m -> TimelinePainter.label(m) + (m.detail() == null || m.detail().isBlank() ? "" : " " + m.detail()))
                .reduce((a, b) -> a + ", " + b).map(text -> " · " + text).orElse("");
        return String.format(Locale.ROOT, "%.3f s (%s) · %s · %,d allocations, %,d B in this column%s",
                (micros - originMicros(snapshot, micros)) / 1e6,
                TimeTicks.wallLabel(micros, zone), heap, events.countBetween(columnFrom, columnTo),
                events.bytesBetween(columnFrom, columnTo), markers);
    }
}
