package dev.heapscope.ui;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.Marker;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SessionListener;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import dev.heapscope.ui.console.ConsoleLine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one coalescing slot between a session and the UI: session-thread events only set a flag or
 * queue a line; a timer at most {@value #PERIOD_MILLIS} ms apart fetches one snapshot off the FX
 * thread and hands it, with the lines queued since, to the FX executor.
 */
final class SnapshotPump implements SessionListener {
    static final long PERIOD_MILLIS = 100;

    /** What the pump delivers, on the FX executor. */
    interface Sink {
        void snapshot(SessionSnapshot snapshot);

        void consoleLines(List<ConsoleLine> lines);

        void notice(String message);
    }

    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final ConcurrentLinkedQueue<ConsoleLine> lines = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
    private final ProfilingSession session;
    private final Executor fx;
    private final Sink sink;
    private ScheduledFuture<?> ticking;

    SnapshotPump(ProfilingSession session, Executor fx, Sink sink) {
        this.session = session;
        this.fx = fx;
        this.sink = sink;
        session.addListener(this);
    }

    void start(ScheduledExecutorService timer) {
        ticking = timer.scheduleWithFixedDelay(this::tick, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops ticking; call before the session closes. */
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** Asks for a fresh snapshot at the next tick even when nothing was reported. */
    void markDirty() {
        dirty.set(true);
    }

    private void tick() {
        try {
            pump();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stop(); // the session closed under us
        }
    }

    private void pump() {
        List<ConsoleLine> drained = drain(lines);
        List<String> drainedNotices = drain(notices);
        if (!drained.isEmpty() || !drainedNotices.isEmpty()) {
            fx.execute(() -> {
                if (!drained.isEmpty()) {
                    sink.consoleLines(drained);
                }
                drainedNotices.forEach(sink::notice);
            });
        }
        if (dirty.get() && inFlight.compareAndSet(false, true)) {
            dirty.set(false);
            session.snapshot().whenComplete((snapshot, error) -> {
                inFlight.set(false);
                if (snapshot != null) {
                    fx.execute(() -> sink.snapshot(snapshot));
                }
            });
        }
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T next = queue.poll(); next != null; next = queue.poll()) {
            out.add(next);
        }
        return out;
    }

    @Override
    public void consoleLine(String line, long hostMillis) {
        lines.add(ConsoleLine.board(line));
    }

    @Override
    public void heapPollLine(String line, long hostMillis) {
        lines.add(ConsoleLine.poll(line));
    }

    @Override
    public void dumpReceived(Dump dump) {
        dirty.set(true);
    }

    @Override
    public void heapSampled(HeapSample sample) {
        dirty.set(true);
    }

    @Override
    public void markerAdded(Marker marker) {
        dirty.set(true);
    }

    @Override
    public void boardEvent(BoardEvent event, long hostMillis) {
        dirty.set(true);
    }

    @Override
    public void stateChanged(ConnectionState connection, TraceState trace) {
        dirty.set(true);
    }

    @Override
    public void notice(String message) {
        notices.add(message);
    }
}
