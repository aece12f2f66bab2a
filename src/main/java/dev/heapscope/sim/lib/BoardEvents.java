package dev.heapscope.sim.lib;

import java.util.PriorityQueue;

/**
 * What the firmware's tasks will do at a later virtual time besides timers: a network packet arriving, a
 * GPIO edge, a posted task. One per boot (a reboot drops what was pending). Events due at the same time run
 * in the order they were scheduled, so every run of the same input does the same. Board thread only.
 */
public final class BoardEvents {
    private final PriorityQueue<Event> pending;
    private final VirtualClock clock;
    private final BoardEvents parent;
    private long scheduled;
    private boolean cancelled;

    private record Event(long dueMicros, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(dueMicros, other.dueMicros);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    public BoardEvents(VirtualClock clock) {
        this.clock = clock;
        this.parent = null;
        this.pending = new PriorityQueue<>();
    }

    private BoardEvents(BoardEvents parent) {
        this.clock = parent.clock;
        this.parent = parent;
        this.pending = null;
    }

    /**
     * Events scheduled through the returned view run on this queue until the view is {@link #cancel}led: a
     * peer's schedule, replaced when a scenario changes the world, stops without touching anything else.
     */
    public BoardEvents scope() {
        return new BoardEvents(this);
    }

    /** A scope's pending and future events will not run. */
    public void cancel() {
        cancelled = true;
    }

    /** Runs {@code action} on the board thread {@code delayMicros} (0 or more) from now. */
    public void after(long delayMicros, Runnable action) {
        if (delayMicros < 0) {
            throw new IllegalArgumentException("an event cannot be due in the past: " + delayMicros);
        }
        if (parent != null) {
            parent.after(delayMicros, () -> {
                if (!cancelled) {
                    action.run();
                }
            });
            return;
        }
        pending.add(new Event(clock.nowMicros() + delayMicros, scheduled++, action));
    }

    /** When the earliest pending event is due, or {@link Long#MAX_VALUE}. */
    public long nextDueMicros() {
        if (parent != null) {
            return parent.nextDueMicros();
        }
        Event first = pending.peek();
        return first == null ? Long.MAX_VALUE : first.dueMicros;
    }

    /** Runs every event due by now, earliest first; events they schedule for now run too. */
    public void runDue() {
        if (parent != null) {
            parent.runDue();
            return;
        }
        long now = clock.nowMicros();
        while (!pending.isEmpty() && pending.peek().dueMicros <= now) {
            pending.poll().action.run();
        }
    }

    public int pendingCount() {
        return parent != null ? parent.pendingCount() : pending.size();
    }
}
