package dev.heapscope.sim.lib;

/**
 * The virtual board's time. It advances only when the board says so (work done, timers waited
 * for), so simulated runs are deterministic and may run faster than real time. Owned by the board
 * thread.
 */
public final class VirtualClock {
    private final int cpuMhz;
    private long micros;

    public VirtualClock(int cpuMhz) {
        if (cpuMhz <= 0) {
            throw new IllegalArgumentException("cpuMhz must be positive: " + cpuMhz);
        }
        this.cpuMhz = cpuMhz;
    }

    public int cpuMhz() {
        return cpuMhz;
    }

    /** Microseconds since boot. */
    public long nowMicros() {
        return micros;
    }

    public void advanceMicros(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("time does not go back: " + delta);
        }
        micros += delta;
    }

    /** The 32-bit cycle counter of {@code cpu} now, as heap tracing prints it (two low bits cleared). */
    public int ccount(int cpu) {
        long cycles = micros * cpuMhz + (cpu == 0 ? 0 : 0x1234_5670L); // the cores' counters are not in step
        return (int) cycles & ~0x3;
    }

    /** Back to zero, as after a reset. */
    public void reset() {
        micros = 0;
    }
}
