package dev.heapscope.sim;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: the allocation profiler (device-firmware/heapscope-profile.lua) on the virtual board at several
 * settings, its workload timed with the hook and again without it (the profiler's {@code baseline}), on the board's
 * clock and on the host's. Run with
 * {@code mvn -q test -Dtest=AllocationProfileOverheadBench -Dsurefire.excludedGroups= -Dgroups=slow-bench}.
 * See docs/PERFORMANCE.md, "Allocation profile by Lua line".
 */
@Tag("slow-bench")
class AllocationProfileOverheadBench {
    // repeatable, so its second run (the baseline) does what the first did
    private static final String WORKLOAD = """
            function work()
              local t = {}
              for i = 1, 500 do
                t[#t + 1] = {i, tostring(i)}
              end
              return #t
            end
            """;
    private static final List<String> SETTINGS = List.of(
            "HS_PROFILE_INTERVAL=0 HS_PROFILE_LINES=true",
            "HS_PROFILE_INTERVAL=100 HS_PROFILE_LINES=true",
            "HS_PROFILE_INTERVAL=10 HS_PROFILE_LINES=false",
            "HS_PROFILE_INTERVAL=100 HS_PROFILE_LINES=false",
            "HS_PROFILE_INTERVAL=1000 HS_PROFILE_LINES=false");

    @Test
    void overheadAtEachSetting() throws Exception {
        String profiler = Files.readString(Path.of("device-firmware/heapscope-profile.lua"));
        System.out.println("| setting | hook calls | bytes on lines | with hook (board µs) | without (board µs) | host ms with / without |");
        for (String setting : SETTINGS) {
            try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults())) {
                StringBuilder out = new StringBuilder();
                board.console().addOutputListener((bytes, offset, length) -> {
                    synchronized (out) {
                        out.append(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
                    }
                });
                board.console().boot();
                board.console().loadScript("heapscope-profile.lua", profiler);
                board.console().loadScript("work.lua", WORKLOAD);
                type(board, "dofile('work.lua')");
                long plainStart = System.nanoTime();
                type(board, "work()");
                long plainNanos = System.nanoTime() - plainStart;
                long start = System.nanoTime();
                type(board, setting + " HS_PROFILE_BASELINE=true HS_PROFILE_WORKLOAD=work dofile('heapscope-profile.lua')");
                long hookedNanos = System.nanoTime() - start - plainNanos; // the baseline run is inside it
                String end;
                synchronized (out) {
                    end = out.toString().lines().filter(line -> line.startsWith("~PE")).reduce((a, b) -> b).orElse("");
                }
                String[] f = end.split(" ");
                assertThat(f).as(out.toString()).hasSize(17);
                System.out.printf("| %s | %s | %s | %s | %s (%s) | %.0f / %.0f |%n", setting, f[12], f[5], f[14],
                        f[16], f[15], hookedNanos / 1e6, plainNanos / 1e6);
            }
        }
    }

    private static void type(SimulatedBoard board, String line) {
        board.console().receive((line + "\n").getBytes(StandardCharsets.US_ASCII));
        board.console().awaitIdle();
    }
}
