package dev.heapscope.parse;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format version 2: a string past the agent's exact set comes with a fingerprint ({@code s:FP}) every time it is
 * reached; the reader keeps the first sending and drops the later ones, while the end line's totals and checksum
 * count every line sent.
 */
class AgentSnapshotReaderRepeatsTest {
    private static final String BEGIN = "~HB 2 4711 20480 registry=1 upvalues=1 locals=1 yield=1";

    private static final String[] HEAP = {
            "~HO 1 0 table 672 _G",
            "~HO 2 1 table 64 .cache",
            "~HO 3 2 table 52 [1]",
            "~HO 4 2 table 52 [2]",
            "~HO 5 3 string 21 ^k",                  // "name", remembered exactly: sent once
            "~HO 6 3 s:0a1b20c3d4 23 .name",         // the first sending of a string past the set
            "~HO 7 4 s:0a1b20c3d4 23 ^k",            // the same string reached again: dropped
            "~HO 8 4 s:0a1b20c3d4 23 .name",         // and again
            "~HO 9 4 s:0a1b20c3d4 24 .other",        // same sums, another length: another string
            "~HO 10 4 s:ffffffffff 23 .more",        // another string
    };

    /** Object lines with the end line the agent would print for them: every line counted, repeats too. */
    private static List<String> framed(String begin, String... objects) {
        List<String> lines = new ArrayList<>();
        lines.add(begin);
        long sum = 0;
        long bytes = 0;
        for (String object : objects) {
            lines.add(object);
            bytes += Long.parseLong(object.split(" ")[4]);
            sum = AgentSnapshotReader.checksum(sum, object);
        }
        lines.add("~HE 4711 " + objects.length + " " + bytes + " " + sum + " 3072 " + objects.length);
        return lines;
    }

    private static AgentSnapshot readOne(List<String> lines) {
        AgentSnapshotReader reader = new AgentSnapshotReader();
        lines.forEach(reader::accept);
        reader.finish();
        assertThat(reader.snapshots()).hasSize(1);
        return reader.snapshots().get(0);
    }

    @Test
    void aStringSentAgainIsOneObjectWithItsFirstPathAndSize() {
        AgentSnapshot snapshot = readOne(framed(BEGIN, HEAP));
        assertThat(snapshot.complete()).as(String.valueOf(snapshot.problem())).isTrue();
        assertThat(snapshot.objects()).extracting(AgentSnapshot.Node::id).containsExactly(1, 2, 3, 4, 5, 6, 9, 10);
        assertThat(snapshot.objects()).extracting(AgentSnapshot.Node::type).containsOnly("table", "string");
        HeapSnapshot model = snapshot.toHeapSnapshot(1, "agent", 0);
        assertThat(model.objects()).filteredOn(o -> o.type().equals("string")).extracting(o -> o.path().concrete())
                .containsExactly("_G.cache[1] \u25b8 key", "_G.cache[1].name", "_G.cache[2].other", "_G.cache[2].more");
        assertThat(model.totalBytes()).isEqualTo(672 + 64 + 52 + 52 + 21 + 23 + 24 + 23);
    }

    @Test
    void aLostRepeatIsStillALostLine() {
        List<String> lines = framed(BEGIN, HEAP);
        lines.remove("~HO 8 4 s:0a1b20c3d4 23 .name");
        AgentSnapshot snapshot = readOne(lines);
        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.problem()).contains("the board sent 10 object lines").contains("were lost");
    }

    @Test
    void aGarbledRepeatFailsTheChecksum() {
        List<String> lines = framed(BEGIN, HEAP);
        lines.set(lines.indexOf("~HO 7 4 s:0a1b20c3d4 23 ^k"), "~HO 7 4 s:0a1b20c3d4 23 ^m");
        AgentSnapshot snapshot = readOne(lines);
        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.problem()).contains("different checksum");
    }

    @Test
    void versionOneIsReadAsBeforeAndAnUnknownVersionIsNamed() {
        AgentSnapshot one = readOne(framed(BEGIN.replace("~HB 2", "~HB 1"), "~HO 1 0 table 672 _G",
                "~HO 2 1 string 23 .name"));
        assertThat(one.complete()).as(String.valueOf(one.problem())).isTrue();
        assertThat(one.objects()).hasSize(2);

        AgentSnapshot three = readOne(framed(BEGIN.replace("~HB 2", "~HB 3"), "~HO 1 0 table 672 _G"));
        assertThat(three.complete()).isFalse();
        assertThat(three.problem()).contains("does not know");
    }

    @Test
    void aMalformedFingerprintIsAnUnreadableLine() {
        List<String> lines = framed(BEGIN, "~HO 1 0 table 672 _G");
        lines.add(2, "~HO 2 1 s:xyz 23 .name");
        lines.add(2, "~HO 2 1 s:0A1B20C3D4 23 .name");
        AgentSnapshot snapshot = readOne(lines);
        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.objects()).hasSize(1);
        assertThat(snapshot.problem()).contains("2 line(s)").contains("does not read");
    }
}
