package dev.heapscope.analysis.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The periods without a link to the board (from a lost link to the reconnect, host ms): the free-heap line
 * must not bridge them, since nothing was measured there. The last one may still be open.
 */
public final class LinkGaps {
    public static final LinkGaps NONE = new LinkGaps(List.of());

    /** One period without a link; {@code toMillis} is {@link Long#MAX_VALUE} while it lasts. */
    public record Gap(long fromMillis, long toMillis) {
    }

    private final List<Gap> gaps;

    public LinkGaps(List<Gap> gaps) {
        this.gaps = List.copyOf(gaps);
    }

    /**
     * From the session's link events in time order: {@code true} a link lost at that time, {@code false} a
     * link (re)made. A loss while already lost, or a connect while connected, changes nothing.
     */
    public static LinkGaps of(long[] times, boolean[] lost) {
        List<Gap> found = new ArrayList<>();
        long openSince = -1;
        for (int i = 0; i < times.length; i++) {
            if (lost[i] && openSince < 0) {
                openSince = times[i];
            } else if (!lost[i] && openSince >= 0) {
                found.add(new Gap(openSince, times[i]));
                openSince = -1;
            }
        }
        if (openSince >= 0) {
            found.add(new Gap(openSince, Long.MAX_VALUE));
        }
        return new LinkGaps(found);
    }

    public List<Gap> all() {
        return gaps;
    }

    /** Whether a line from {@code fromMillis} to {@code toMillis} would cross a period without a link. */
    public boolean interrupts(long fromMillis, long toMillis) {
        // asked once per pixel column of every redraw: a plain loop, no stream or lambda to allocate
        for (int i = 0; i < gaps.size(); i++) {
            Gap g = gaps.get(i);
            if (g.fromMillis() < toMillis && g.toMillis() > fromMillis && g.fromMillis() >= fromMillis) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(long millis) {
        for (int i = 0; i < gaps.size(); i++) {
            if (millis > gaps.get(i).fromMillis() && millis < gaps.get(i).toMillis()) {
                return true;
            }
        }
        return false;
    }
}
