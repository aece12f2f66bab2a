package dev.heapscope.session;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;

/**
 * What a {@link ProfilingSession} reports, on its session thread. Implementations must return
 * quickly; a UI coalesces these into snapshots instead of repainting per call.
 */
public interface SessionListener {

    default void consoleLine(String line, long hostMillis) {
    }

    /**
     * A line of a heap poll (its echo, its answer): kept in the transcript like every byte, but apart from
     * {@link #consoleLine} so that polls are not console noise.
     */
    default void heapPollLine(String line, long hostMillis) {
    }

    default void dumpReceived(Dump dump) {
    }

    default void heapSampled(HeapSample sample) {
    }

    default void markerAdded(Marker marker) {
    }

    default void boardEvent(BoardEvent event, long hostMillis) {
    }

    default void stateChanged(ConnectionState connection, TraceState trace) {
    }

    /** Something the user should know that is not an error of a command (a hazard avoided, a warning). */
    default void notice(String message) {
    }
}
