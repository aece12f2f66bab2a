package dev.heapscope.sim;

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
 * Not a unit test: tracked vs untracked LuaJ on allocation-heavy loops. Run with
 * {@code mvn -q test -Dtest=TrackingOverheadBench -Dsurefire.excludedGroups= -Dgroups=slow-bench}.
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
        List<String> out = new ArrayList<>();
        LuaState tracked = new LuaState(new FreeHeap(), new FakeTraceControl(), new VirtualClock(240), new FlashFileSystem(),
                new SimulatorSymbols(), new AllocationSites(new SimulatorSymbols()),
                new ConsoleWriter(List.of((b, o, l) -> out.add(new String(b, o, l))), LineEnding.LF),
                BoardOptions.defaults().withInstructionBudget(Long.MAX_VALUE / 2, 600_000));
        long untrackedNanos = Long.MAX_VALUE;
        long trackedNanos = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            plain.load(LOOP, "=bench").call();
            untrackedNanos = Math.min(untrackedNanos, System.nanoTime() - start);
            start = System.nanoTime();
            tracked.run(LOOP.getBytes(), "=bench");
            trackedNanos = Math.min(trackedNanos, System.nanoTime() - start);
        }
        System.out.printf("untracked %d ms, tracked %d ms, ratio %.2f, live objects %d%n", untrackedNanos / 1_000_000,
                trackedNanos / 1_000_000, (double) trackedNanos / untrackedNanos, tracked.heap().liveObjects());
        assertThat(out).anyMatch(line -> line.contains("6000"));
    }
}
