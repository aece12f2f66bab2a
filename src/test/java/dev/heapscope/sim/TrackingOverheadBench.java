package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.model.CallChain;
import dev.heapscope.sim.lib.FlashFileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.MathLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: tracked vs untracked LuaJ on an allocation-heavy loop, with full tracking and with
 * 1-in-8 sampling. Run with
 * {@code mvn -q test -Dtest=TrackingOverheadBench -Dsurefire.excludedGroups= -Dgroups=slow-bench}.
 * The mean includes the garbage collections the tracking causes; the minimum flatters it (a round
 * without a collection). See docs/PERFORMANCE.md.
 */
@Tag("slow-bench")
class TrackingOverheadBench {
    private static final String LOOP = """
            local keep = {}
            for i = 1, 600000 do
              local t = {i, i + 1}
              local s = 'k' .. i
              if i % 100 == 0 then keep[#keep + 1] = t end
            end
            return #keep
            """;

    /** A heap that costs nothing, so only the tracker is measured. */
    private static final class FreeHeap implements BoardMemory {
        int next = 0x3f800000;

        @Override
        public int allocate(int sizeBytes, CallChain chain) {
            next += 16;
            return next;
        }

        @Override
        public void free(int address, CallChain chain) {
        }

        @Override
        public int reallocate(int address, int newSizeBytes, CallChain chain) {
            return allocate(newSizeBytes, chain);
        }

        @Override
        public long freeBytes() {
            return 1L << 40;
        }
    }

    @Test
    void measureTrackedAgainstUntracked() {
        Globals plain = new Globals();
        plain.load(new BaseLib());
        plain.load(new PackageLib());
        plain.load(new TableLib());
        plain.load(new StringLib());
        plain.load(new MathLib());
        LoadState.install(plain);
        LuaC.install(plain);
        // untracked first and alone: interleaving would make its rounds pay for the tracker's garbage
        long[] untracked = time(() -> plain.load(LOOP, "=bench").call());
        long plainHeapKb = heapAfterGcKb(plain);
        List<String> out = new ArrayList<>();
        LuaState tracked = new LuaState(new FreeHeap(), new FakeTraceControl(), new VirtualClock(240),
                new FlashFileSystem(), new SimulatorSymbols(), new AllocationSites(new SimulatorSymbols()),
                new ConsoleWriter(List.of((b, o, l) -> out.add(new String(b, o, l))), LineEnding.LF),
                BoardOptions.defaults().withInstructionBudget(Long.MAX_VALUE / 2, 600_000), new RetentionIndex(),
                new dev.heapscope.sim.net.VirtualNetwork(), dev.heapscope.sim.lib.WorldSettings.NONE);
        long[] trackedNanos = time(() -> tracked.run(LOOP.getBytes(), "=bench"));
        System.out.printf("full tracking: untracked median %d ms (mean %d, min %d), tracked median %d ms (mean %d,"
                        + " min %d), ratio of medians %.2f, of means %.2f, of minimums %.2f%n",
                untracked[2] / 1_000_000, untracked[0] / 1_000_000, untracked[1] / 1_000_000,
                trackedNanos[2] / 1_000_000, trackedNanos[0] / 1_000_000, trackedNanos[1] / 1_000_000,
                (double) trackedNanos[2] / untracked[2], (double) trackedNanos[0] / untracked[0],
                (double) trackedNanos[1] / untracked[1]);
        long trackedHeapKb = heapAfterGcKb(tracked);
        System.out.printf("JVM heap after a full GC: after the untracked rounds %d KB; after the tracked rounds, with"
                + " that board still alive, %d KB (ratio %.2f)%n", plainHeapKb, trackedHeapKb,
                (double) trackedHeapKb / plainHeapKb);
        assertThat(out).anyMatch(line -> line.contains("6000"));
    }

    /** Mean, minimum and median nanoseconds of rounds 4..13 (the first three warm up). */
    private static long[] time(Runnable round) {
        long total = 0;
        long min = Long.MAX_VALUE;
        long[] rounds = new long[10];
        for (int i = 0; i < 13; i++) {
            long start = System.nanoTime();
            round.run();
            long took = System.nanoTime() - start;
            if (i >= 3) {
                total += took;
                min = Math.min(min, took);
                rounds[i - 3] = took;
            }
        }
        java.util.Arrays.sort(rounds);
        return new long[]{total / 10, min, (rounds[4] + rounds[5]) / 2};
    }

    /** Used heap after a full JVM collection, with {@code keepAlive} reachable (what the board itself holds). */
    private static long heapAfterGcKb(Object keepAlive) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        java.lang.ref.Reference.reachabilityFence(keepAlive);
        return used / 1024;
    }
}
