package dev.heapscope.parse;

import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSnapshotReaderTest {
    private static final String BEGIN = "~HB 1 4711 20480 registry=1 upvalues=1 locals=1 yield=1";

    /** Object lines with the end line the agent would print for them (its checksum computed alike). */
    private static List<String> framed(String... objects) {
        List<String> lines = new ArrayList<>();
        lines.add(BEGIN);
        long sum = 0;
        long bytes = 0;
        for (String object : objects) {
            lines.add(object);
            long size = Long.parseLong(object.split(" ")[4]);
            bytes += size;
            sum = AgentSnapshotReader.checksum(sum, object);
        }
        lines.add("~HE 4711 " + objects.length + " " + bytes + " " + sum + " 3072 " + objects.length);
        return lines;
    }

    private static final String[] HEAP = {
            "~HO 1 0 table 672 _G",
            "~HO 2 0 table 352 registry",
            "~HO 3 1 table 52 .cache",
            "~HO 4 3 table 64 .entries",
            "~HO 5 4 table 52 [1]",
            "~HO 6 5 string 21 .name",
            "~HO 7 2 function 20 [3]",
            "~HO 8 7 table 40 ^u history",
            "~HO 9 3 string 24 [\"req:1 \\034x\\034\"]",
    };

    private static List<AgentSnapshot> readAll(List<String> lines) {
        AgentSnapshotReader reader = new AgentSnapshotReader();
        lines.forEach(reader::accept);
        reader.finish();
        return reader.snapshots();
    }

    @Test
    void aCompleteSnapshotMapsOntoTheVirtualBoardsPaths() {
        List<AgentSnapshot> read = readAll(framed(HEAP));
        assertThat(read).hasSize(1);
        AgentSnapshot snapshot = read.get(0);
        assertThat(snapshot.complete()).isTrue();
        assertThat(snapshot.problem()).isNull();
        assertThat(snapshot.agentBytes()).isEqualTo(3072);
        assertThat(snapshot.luaBytes()).isEqualTo(20480);
        HeapSnapshot model = snapshot.toHeapSnapshot(2, "after", 0);
        assertThat(model.objects()).extracting(o -> o.path().concrete()).containsExactly("_G", "registry",
                "_G.cache", "_G.cache.entries", "_G.cache.entries[1]", "_G.cache.entries[1].name",
                "registry[3] (a C module's reference)", "registry[3] (a C module's reference) \u25b8 upvalue 'history'", "_G.cache[\"req:1 \\\"x\\\"\"]");
        assertThat(model.objects()).extracting(o -> o.path().grouped()).contains("_G.cache.entries[*].name",
                "registry[3] (a C module's reference)", "_G.cache[*]");
        assertThat(model.totalBytes()).isEqualTo(672 + 352 + 52 + 64 + 52 + 21 + 20 + 40 + 24);
    }

    @Test
    void growthBetweenTwoAgentSnapshotsGroupsByPath() {
        HeapSnapshot before = readAll(framed(HEAP)).get(0).toHeapSnapshot(1, "before", 0);
        String[] more = java.util.Arrays.copyOf(HEAP, HEAP.length + 2);
        more[HEAP.length] = "~HO 10 4 table 52 [2]";
        more[HEAP.length + 1] = "~HO 11 10 string 21 .name";
        HeapSnapshot after = readAll(framed(more)).get(0).toHeapSnapshot(2, "after", 0);
        SnapshotGrowth growth = SnapshotGrowth.between(before, after);
        assertThat(growth.grown()).extracting(row -> row.path().grouped())
                .containsExactly("_G.cache.entries[*]", "_G.cache.entries[*].name");
        assertThat(growth.grown().get(0).countGrown()).isEqualTo(1);
        assertThat(growth.bytesGrown()).isEqualTo(73);
    }

    @Test
    void aSnapshotCutMidStreamIsKeptAndMarkedIncomplete() {
        List<String> lines = framed(HEAP).subList(0, 6);
        List<AgentSnapshot> read = readAll(lines);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).complete()).isFalse();
        assertThat(read.get(0).objects()).hasSize(5);
        assertThat(read.get(0).problem()).contains("before the snapshot's end line");
    }

    @Test
    void aNewBeginLineCutsTheOpenSnapshotAsAResetWould() {
        List<String> lines = new ArrayList<>(framed(HEAP).subList(0, 4));
        lines.add("ets Jun  8 2016 00:22:57");
        lines.addAll(framed(HEAP));
        List<AgentSnapshot> read = readAll(lines);
        assertThat(read).extracting(AgentSnapshot::complete).containsExactly(false, true);
        assertThat(read.get(0).problem()).contains("new snapshot began");
    }

    @Test
    void otherConsoleLinesInBetweenAreSkipped() {
        List<String> lines = new ArrayList<>();
        for (String line : framed(HEAP)) {
            lines.add("> print('hello')");
            lines.add("hello ~HO 99 0 table 1 _G");
            lines.add("> " + line + "\r");
        }
        AgentSnapshot snapshot = readAll(lines).get(0);
        assertThat(snapshot.complete()).as(snapshot.problem()).isTrue();
        assertThat(snapshot.objects()).hasSize(HEAP.length);
    }

    @Test
    void aLostOrGarbledLineFailsTheCheckAndIsNamed() {
        List<String> lines = new ArrayList<>(framed(HEAP));
        lines.set(4, lines.get(4).replace(".entries", ".entriez"));
        AgentSnapshot garbled = readAll(lines).get(0);
        assertThat(garbled.complete()).isFalse();
        assertThat(garbled.problem()).contains("different checksum");

        List<String> lost = new ArrayList<>(framed(HEAP));
        lost.remove(4);
        AgentSnapshot missing = readAll(lost).get(0);
        assertThat(missing.complete()).isFalse();
        assertThat(missing.problem()).contains("were lost");
        assertThat(missing.toHeapSnapshot(1, "", 0).objects()).extracting(o -> o.path().concrete())
                .contains("(path lost: a line of the snapshot is missing)");
    }

    @Test
    void hostileLinesAreCountedInOneLineNeverThrown() {
        List<String> lines = new ArrayList<>(framed(HEAP));
        lines.add(3, "~HO " + "9".repeat(400));
        lines.add(3, "~HO 99999999999999999999 1 table 5 .x");
        lines.add(3, "~HO 3 7 table 5 .x");
        lines.add(3, "~HO 3 1 sandwich 5 .x");
        lines.add(3, "~HO 3 1 table -5 .x");
        lines.add(3, "~HQ what");
        lines.add(3, "~HO");
        AgentSnapshot snapshot = readAll(lines).get(0);
        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.objects()).hasSize(HEAP.length);
        assertThat(snapshot.problem()).doesNotContain("\n").hasSizeLessThan(300);
    }

    @Test
    void theAgentsErrorLineEndsTheSnapshotWithItsMessage() {
        List<String> lines = new ArrayList<>(framed(HEAP).subList(0, 3));
        lines.add("~HX 4711 not enough memory");
        AgentSnapshot snapshot = readAll(lines).get(0);
        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.problem()).isEqualTo("the agent stopped with an error: not enough memory");
    }

    @Test
    void theBeginLineSaysWhatWasNotVisible() {
        AgentSnapshotReader reader = new AgentSnapshotReader();
        reader.accept("~HB 1 5 100 registry=1 upvalues=0 locals=0 yield=1");
        AgentSnapshot snapshot = reader.finish().orElseThrow();
        assertThat(snapshot.visible().missing()).contains("upvalues not visible").contains("coroutine locals");
        assertThat(snapshot.visible().registry()).isTrue();
    }
}
