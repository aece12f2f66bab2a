package dev.heapscope.parse;

import dev.heapscope.analysis.LuaProfileFlame;
import dev.heapscope.analysis.Weight;
import dev.heapscope.export.FoldedWriter;
import dev.heapscope.model.LuaAllocationProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LuaProfileReaderTest {
    // what the profiler printed for simulator/scenarios/request-handler-leak.lua on the virtual board
    private static final List<String> PROFILE = List.of(
            "~PB 1 8 0 1 8",
            "~PF 1 main_chunk request-handler-leak.lua:16",
            "~PF 2 main_chunk request-handler-leak.lua:26",
            "~PF 3 handle_request request-handler-leak.lua:19",
            "~PF 4 handle_request request-handler-leak.lua:20",
            "~PL 32 1 request-handler-leak.lua:16",
            "~PL 666 25 request-handler-leak.lua:26",
            "~PL 2800 25 request-handler-leak.lua:19",
            "~PL 756 25 request-handler-leak.lua:20",
            "~PS 32 1 1",
            "~PS 666 25 2",
            "~PS 2800 25 2,3",
            "~PS 756 25 2,4");

    private static String endLine(List<String> entries) {
        long sum = 0;
        for (String line : entries.subList(1, entries.size())) {
            sum = AgentSnapshotReader.checksum(sum, line);
        }
        return "~PE 8 4 4 4 4254 " + sum + " 0 0 0 0 0 156 128417 3282 estimated 80";
    }

    private static Optional<LuaAllocationProfile> feed(LuaProfileReader reader, List<String> lines) {
        Optional<LuaAllocationProfile> last = Optional.empty();
        for (String line : lines) {
            Optional<LuaAllocationProfile> got = reader.accept(line);
            if (got.isPresent()) {
                last = got;
            }
        }
        return last;
    }

    private static List<String> whole() {
        List<String> lines = new ArrayList<>(PROFILE);
        lines.add(endLine(PROFILE));
        return lines;
    }

    @Test
    void aWholeProfileReadsWithItsLinesStacksAndOverhead() {
        LuaAllocationProfile profile = feed(new LuaProfileReader(), whole()).orElseThrow();
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        assertThat(profile.linesByBytes().get(0).where()).isEqualTo("request-handler-leak.lua:19");
        assertThat(profile.linesByBytes().get(0).bytes()).isEqualTo(2800);
        assertThat(profile.totalBytes()).isEqualTo(4254);
        assertThat(profile.stacksByBytes().get(0).outermostFirst()).extracting(LuaAllocationProfile.Frame::label)
                .containsExactly("main chunk (request-handler-leak.lua:26)", "handle_request (request-handler-leak.lua:19)");
        assertThat(profile.overhead().hookedMicros()).isEqualTo(3282);
        assertThat(profile.overhead().baseMicros()).isEqualTo(80);
        assertThat(profile.overhead().baseKind()).isEqualTo("estimated");
        assertThat(profile.hooks()).isEqualTo(156);
        assertThat(profile.ownBytes()).isEqualTo(128417);
        assertThat(profile.dropped()).isEqualTo(LuaAllocationProfile.Dropped.NONE);
    }

    @Test
    void consoleLinesAndTheAgentsLinesBetweenItsLinesAreSkipped() {
        List<String> lines = new ArrayList<>();
        for (String line : whole()) {
            lines.add("handled\t25\trequests");
            lines.add("~HO 3 1 table 52 .cache"); // the agent's framing is not the profiler's
            lines.add("> " + line + "\r");
        }
        LuaAllocationProfile profile = feed(new LuaProfileReader(), lines).orElseThrow();
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        assertThat(profile.lines()).hasSize(4);
    }

    @Test
    void aProfileCutBeforeItsEndIsKeptAndMarked() {
        LuaProfileReader reader = new LuaProfileReader();
        assertThat(feed(reader, PROFILE.subList(0, 7))).isEmpty();
        LuaAllocationProfile profile = reader.finish().orElseThrow();
        assertThat(profile.complete()).isFalse();
        assertThat(profile.problem()).contains("end line");
        assertThat(profile.lines()).extracting(LuaAllocationProfile.Line::line).containsExactly(16, 26);
        assertThat(profile.overhead()).isNull();
    }

    @Test
    void aNewBeginLineOrAnErrorLineCutsTheOpenProfile() {
        LuaProfileReader reader = new LuaProfileReader();
        List<String> lines = new ArrayList<>(PROFILE.subList(0, 6));
        lines.addAll(whole());
        feed(reader, lines);
        assertThat(reader.profiles()).hasSize(2);
        assertThat(reader.profiles().get(0).complete()).isFalse();
        assertThat(reader.profiles().get(0).problem()).contains("new profile began");
        assertThat(reader.profiles().get(1).complete()).isTrue();

        LuaAllocationProfile failed = feed(new LuaProfileReader(), List.of(PROFILE.get(0), PROFILE.get(5),
                "~PX 8 request-handler-leak.lua:19: attempt to index a nil value")).orElseThrow();
        assertThat(failed.complete()).isFalse();
        assertThat(failed.problem()).isEqualTo("the profile stopped with an error: request-handler-leak.lua:19: attempt to index a nil value");
        assertThat(failed.lines()).hasSize(1);
    }

    @Test
    void garbledOrLostLinesMarkTheProfileAndKeepTheRest() {
        List<String> lines = whole();
        lines.set(6, "~PL 66#6 25 request-handler-leak.lua:26"); // a byte garbled on the wire
        LuaAllocationProfile garbled = feed(new LuaProfileReader(), lines).orElseThrow();
        assertThat(garbled.complete()).isFalse();
        assertThat(garbled.problem()).contains("lost or garbled");
        assertThat(garbled.lines()).hasSize(3);

        List<String> cutShort = whole();
        cutShort.set(7, "~PL 2800 25 request-handler-le"); // a line cut by the console
        LuaAllocationProfile cut = feed(new LuaProfileReader(), cutShort).orElseThrow();
        assertThat(cut.complete()).isFalse();
        assertThat(cut.problem()).contains("unreadable").contains("request-handler-le");

        List<String> lost = whole();
        lost.remove(8); // a whole line lost: the counts and the checksum say so
        assertThat(feed(new LuaProfileReader(), lost).orElseThrow().complete()).isFalse();

        List<String> hostile = whole();
        hostile.add(3, "~PF 9 x " + "y".repeat(400) + ":1");
        hostile.add(4, "~PS 1 1 77");
        LuaAllocationProfile bounded = feed(new LuaProfileReader(), hostile).orElseThrow();
        assertThat(bounded.complete()).isFalse();
        assertThat(bounded.stacks()).hasSize(4);
    }

    @Test
    void aBoardWithoutSethookSaysSoInOneLine() {
        LuaAllocationProfile profile = feed(new LuaProfileReader(), List.of("> ~PX 0 no debug.sethook: this firmware "
                + "lacks the extended debug module, nothing was profiled")).orElseThrow();
        assertThat(profile.complete()).isFalse();
        assertThat(profile.lines()).isEmpty();
        assertThat(profile.problem()).startsWith("no debug.sethook");
    }

    @Test
    void theStacksBecomeTheFoldedFormTheFlameExportersTake() {
        LuaAllocationProfile profile = feed(new LuaProfileReader(), whole()).orElseThrow();
        String folded = FoldedWriter.toText(LuaProfileFlame.tree(profile, Weight.BYTES));
        assertThat(folded).contains("main chunk (request-handler-leak.lua:26);handle_request (request-handler-leak.lua:19) 2800")
                .contains("main chunk (request-handler-leak.lua:16) 32");
        assertThat(LuaProfileFlame.tree(profile, Weight.COUNT).totalValue()).isEqualTo(76);
    }
}
