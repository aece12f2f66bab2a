package dev.heapscope.parse;

import dev.heapscope.model.LuaAllocationProfile;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * device-firmware/heapscope-profile.lua run by plain LuaJ, a second interpreter beside the virtual board (its hook
 * is no stack level of its own, which the script detects), over a stand-in collector: {@code collectgarbage("count")}
 * is what the workload's {@code alloc(n)} calls added, so every byte has a known line. Its output must read back
 * complete with them. (The return events that put {@code local x = f() .. "s"} on the caller's line on a real board
 * were checked with Debian's lua5.1 and lua5.3, which CI does not have: LuaJ fires a line event there anyway.)
 */
class HeapscopeProfileScriptTest {
    private static final String WORKLOAD = """
            local function make(n)
              alloc(100)
              return n
            end
            local function run()
              local x = make(1) alloc(7)
              alloc(30)
            end
            for i = 1, 3 do run() end
            """;

    private static List<String> run(String setup) throws Exception {
        Globals globals = JsePlatform.debugGlobals();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        globals.STDOUT = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        long[] bytes = {0};
        globals.set("alloc", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue n) {
                bytes[0] += n.checklong();
                return NONE;
            }
        });
        globals.set("collectgarbage", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return args.optjstring(1, "collect").equals("count") ? valueOf(bytes[0] / 1024.0) : valueOf(0);
            }
        });
        globals.set("workload", globals.load(WORKLOAD, "@work.lua"));
        globals.load(setup, "setup").call();
        globals.load(Files.readString(Path.of("device-firmware/heapscope-profile.lua")), "@heapscope-profile.lua").call();
        return out.toString(StandardCharsets.ISO_8859_1).lines().toList();
    }

    private static LuaAllocationProfile read(List<String> lines) {
        LuaProfileReader reader = new LuaProfileReader();
        lines.forEach(reader::accept);
        reader.finish();
        assertThat(reader.profiles()).as(String.join("\n", lines)).hasSize(1);
        return reader.profiles().get(0);
    }

    private static Map<Integer, Long> bytesPerLine(LuaAllocationProfile profile) {
        return profile.lines().stream().collect(Collectors.toMap(LuaAllocationProfile.Line::line,
                LuaAllocationProfile.Line::bytes, Long::sum));
    }

    @Test
    void everyByteLandsOnItsLineAndAfterAReturnOnTheCallersLine() throws Exception {
        LuaAllocationProfile profile = read(run("HS_PROFILE_WORKLOAD = workload"));
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        assertThat(bytesPerLine(profile)).isEqualTo(Map.of(2, 300L, 6, 21L, 7, 90L));
        assertThat(profile.lines()).allMatch(line -> line.source().equals("work.lua"));
        // LuaJ names its main chunk and pcall frames its own way: only the script's frames are asserted
        assertThat(profile.stacksByBytes().get(0).outermostFirst()).extracting(LuaAllocationProfile.Frame::label)
                .endsWith("run (work.lua:6)", "make (work.lua:2)")
                .anyMatch(label -> label.endsWith("(work.lua:9)"));
        assertThat(profile.overhead().baseKind()).isEqualTo("estimated");
    }

    @Test
    void countEventsAloneSampleAndLoseTheExactLine() throws Exception {
        LuaAllocationProfile profile = read(run("HS_PROFILE_WORKLOAD = workload HS_PROFILE_INTERVAL = 1000 "
                + "HS_PROFILE_LINES = false"));
        assertThat(profile.complete()).isTrue();
        assertThat(profile.lineEvents()).isFalse();
        assertThat(profile.interval()).isEqualTo(1000);
        assertThat(profile.totalBytes()).as("no call came while the workload ran").isZero();
    }

    @Test
    void aWorkloadThatFailsKeepsWhatWasMeasuredAndSaysWhy() throws Exception {
        List<String> lines = run("HS_PROFILE_WORKLOAD = 'alloc(5) error(\"boom\")'");
        LuaAllocationProfile profile = read(lines);
        assertThat(profile.complete()).isFalse();
        assertThat(profile.problem()).contains("boom");
        assertThat(bytesPerLine(profile)).isEqualTo(Map.of(1, 5L));
        assertThat(lines).noneMatch(line -> line.startsWith("~H"));
    }

    @Test
    void withoutSethookItSaysSoInOneLineAndRunsNothing() throws Exception {
        List<String> lines = run("debug.sethook = nil HS_PROFILE_WORKLOAD = 'alloc(5) ran = true'");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("~PX ").contains("no debug.sethook");
    }
}
