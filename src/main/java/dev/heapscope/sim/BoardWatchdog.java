package dev.heapscope.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * The board's task watchdog, on a daemon thread of its own: it sees a chunk or callback that holds the board
 * thread without coming back and stops it, first by asking (the chunk ends at its next budget check with the
 * watchdog's panic), then, if it does not come back within a short grace, by having the board abandon the
 * thread and reboot on a fresh one.
 *
 * <p>It measures the board thread's CPU time, not wall time, so that a loaded host does not change whether a
 * chunk is cut: a chunk that reaches its budget checks is the instruction budget's to end (deterministic), and
 * the watchdog fires only when a chunk burns {@code watchdogMillis} of CPU without reaching a check (a Java
 * call nobody charged), or four times that in all (a call charged far below its cost). A thread blocked
 * without using CPU is caught after the chunk's wall-clock backstop ({@code budgetWallMillis}).
 */
final class BoardWatchdog {
    private static final long TICK_MILLIS = 20;
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final java.util.function.Supplier<LuaState> state;
    private final BoardThread boardThread;
    private final java.util.function.Consumer<LuaState> reboot;
    private final long stallNanos;
    private final long totalNanos;
    private final long wallNanos;
    private final Thread thread;
    private volatile boolean running = true;

    private ChunkBudget watchedBudget;
    private long watchedSerial;
    // CPU samples of the board thread [0] and of the coroutine thread the chunk last ran on [1]
    private final Thread[] sampled = new Thread[2];
    private final long[] sampledCpu = new long[2];
    private long cpuUsed;
    private long cpuSinceProgress;
    private long lastProgress;
    private long askedAt = -1;
    private ChunkBudget abandoned; // its thread is being replaced: not to be watched again while it reboots

    /**
     * @param state       the current boot's Lua state (null before the first boot)
     * @param boardThread the board's thread, to read its CPU time and to abandon it
     * @param reboot      what the thread that replaces a stuck one runs first, given the stuck chunk's state
     */
    BoardWatchdog(java.util.function.Supplier<LuaState> state, BoardThread boardThread,
                  java.util.function.Consumer<LuaState> reboot, BoardOptions options) {
        this.state = state;
        this.boardThread = boardThread;
        this.reboot = reboot;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(options.watchdogMillis());
        // a chunk that reaches its checks is the budget's to end: 2 s of CPU is twice what a whole budget took
        this.totalNanos = stallNanos * 4;
        // after the budget's own wall-clock deadline, which a chunk that reaches its checks meets first
        this.wallNanos = TimeUnit.MILLISECONDS.toNanos(options.budgetWallMillis()) + stallNanos;
        this.thread = new Thread(this::watch, "virtual-board-watchdog");
        this.thread.setDaemon(true);
    }

    void start() {
        if (!thread.isAlive()) {
            thread.start();
        }
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private void watch() {
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                tick();
            } catch (RuntimeException e) {
                System.getLogger(BoardWatchdog.class.getName()).log(System.Logger.Level.ERROR, "watchdog tick failed", e);
            }
        }
    }

    private void tick() {
        LuaState current = state.get();
        ChunkBudget budget = current == null ? null : current.budget();
        if (budget == null || budget == abandoned || boardThread.live() == null || !budget.running()) {
            watchedBudget = null;
            return;
        }
        long serial = budget.serial();
        long now = System.nanoTime();
        if (budget != watchedBudget || serial != watchedSerial) {
            watchedBudget = budget;
            watchedSerial = serial;
            sampled[0] = null;
            sampled[1] = null;
            cpuUsed = 0;
            cpuSinceProgress = 0;
            lastProgress = budget.progress();
            askedAt = -1;
        }
        measure(budget);
        if (askedAt < 0) {
            boolean stalled = cpuSinceProgress >= stallNanos;
            boolean tooLong = cpuUsed >= totalNanos || now - budget.startedNanos() >= wallNanos;
            if (stalled || tooLong) {
                budget.watchdogStop(serial);
                askedAt = now;
            }
        } else if (now - askedAt >= GRACE_NANOS) {
            watchedBudget = null;
            if (budget.running() && budget.serial() == serial) { // else it came back after all
                abandoned = budget;
                boardThread.abandon(() -> reboot.accept(current), budget.runner());
            }
        }
    }

    /**
     * Adds the CPU time the chunk used since the last tick: on the board thread, and on the coroutine thread it last
     * reached a check on (LuaJ runs each coroutine on a Java thread of its own; the resumer waits meanwhile).
     */
    private void measure(ChunkBudget budget) {
        Thread board = boardThread.live();
        Thread coroutine = budget.runner() == board ? null : budget.runner();
        long used = cpuSince(0, board) + cpuSince(1, coroutine);
        cpuUsed += used;
        cpuSinceProgress += used;
        long progress = budget.progress();
        if (progress != lastProgress) {
            lastProgress = progress;
            cpuSinceProgress = 0;
        }
    }

    private long cpuSince(int slot, Thread thread) {
        if (slot == 1 && !CPU_TIME) {
            return 0; // wall time stands in for CPU time: the board thread's slot counts it once
        }
        long cpu = thread == null ? -1 : cpuNanos(thread);
        boolean sameThread = cpu >= 0 && thread == sampled[slot] && sampledCpu[slot] >= 0;
        long used = sameThread ? Math.max(0, cpu - sampledCpu[slot]) : 0;
        sampled[slot] = thread;
        sampledCpu[slot] = cpu;
        return used;
    }

    /**
     * The thread's CPU time where the JVM measures it (-1 once the thread has ended), else wall time (the bound then
     * depends on the host's load).
     */
    private static long cpuNanos(Thread thread) {
        return CPU_TIME ? THREADS.getThreadCpuTime(thread.getId()) : System.nanoTime();
    }
}
