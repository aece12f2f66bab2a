package dev.heapscope.sim;

/**
 * When Lua's automatic collector runs, as Lua 5.3 paces it with NodeMCU's settings: after a cycle, the
 * next one starts once the bytes in use reach {@code pause}% of what survived (NodeMCU's luaconf.h sets
 * {@code LUAI_GCPAUSE} 110; stock Lua 200). The incremental mark then advances with allocation, about
 * {@code stepmul}/100 units of work per byte allocated (lgc.c: the step converts debt by
 * {@code stepmul}/{@code STEPMULADJ} and always does at least {@code GCSTEPSIZE} more), and the cycle's
 * atomic mark and sweep happen once that work covers the live estimate. The simulator runs the whole
 * atomic collection at that moment, so frees land where a 5.3 board's sweep would put them, give or
 * take one step. Deterministic: it counts bytes, never time. Board thread only.
 */
final class GcPacer {
    static final int DEFAULT_PAUSE = 110;
    static final int DEFAULT_STEPMUL = 200;
    /** {@code GCSTEPSIZE}: 100 * sizeof(TString), 16 bytes on a 32-bit build (lgc.c). */
    static final int STEP_SIZE_BYTES = 1600;

    private int pause = DEFAULT_PAUSE;
    private int stepmul = DEFAULT_STEPMUL;
    private boolean running = true;
    private long estimate;
    private long threshold;
    private boolean inCycle;
    private long workNeeded;
    private long workDone;

    GcPacer(long bytesInUseAtBoot) {
        collected(bytesInUseAtBoot);
    }

    /** Lua allocated {@code bytes} (an object or a table's growth): during a cycle, the mark advances. */
    void allocated(long bytes) {
        if (inCycle) {
            workDone += bytes * stepmul / 100;
        }
    }

    /** At a collection step (lvm.c's checkGC, lapi.c's luaC_checkGC): whether the cycle's atomic phase is due now. */
    boolean dueAt(long bytesInUse) {
        if (inCycle) {
            return running && workDone >= workNeeded;
        }
        if (bytesInUse < threshold || !running) {
            return false;
        }
        beginCycle();
        return workDone >= workNeeded;
    }

    /** {@code collectgarbage("step", kilobytes)}: work as that much allocation would (a basic step for 0); true when the cycle ends. */
    boolean step(int kilobytes) {
        if (!inCycle) {
            beginCycle();
        }
        workDone += kilobytes <= 0 ? (long) STEP_SIZE_BYTES * stepmul / 100 : kilobytes * 1024L * stepmul / 100;
        return workDone >= workNeeded;
    }

    private void beginCycle() {
        inCycle = true;
        workNeeded = Math.max(estimate, STEP_SIZE_BYTES);
        workDone = 0;
    }

    /** A collection ended with {@code bytesInUse} alive: pause until the next threshold ({@code setpause}). */
    void collected(long bytesInUse) {
        estimate = bytesInUse;
        threshold = estimate / 100 * pause;
        inCycle = false;
        workDone = 0;
    }

    int setPause(int newPause) {
        int old = pause;
        pause = newPause; // like lapi.c: takes effect when the next cycle ends
        return old;
    }

    int setStepmul(int newStepmul) {
        int old = stepmul;
        stepmul = Math.max(newStepmul, 40); // lgc.c: 'stepmul' below 40 would never finish a cycle
        return old;
    }

    void setRunning(boolean on) {
        running = on;
    }

    boolean isRunning() {
        return running;
    }
}
