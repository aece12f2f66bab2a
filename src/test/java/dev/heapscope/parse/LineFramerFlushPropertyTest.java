package dev.heapscope.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link lost mid-line delivers the unfinished line at once (a dump cut by an unplug is kept), but the bytes
 * that follow after a reconnect continue that line in the transcript. So every piece carries the number of
 * the transcript line it belongs to: joined by number, the pieces are exactly the lines of one pass over
 * the same bytes, and live line numbers stay those of a later parse.
 */
class LineFramerFlushPropertyTest {

    @Property(tries = 300)
    void piecesFlushedAtAnyPointJoinIntoTheLinesOfOnePass(@ForAll("consoles") String text,
                                                          @ForAll("cuts") List<Integer> flushes) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        Map<Long, StringBuilder> pieces = new TreeMap<>();
        LineFramer flushed = new LineFramer((line, number, millis) ->
                pieces.computeIfAbsent(number, n -> new StringBuilder()).append(line));
        TreeSet<Integer> at = new TreeSet<>();
        flushes.forEach(cut -> at.add(Math.floorMod(cut, bytes.length + 1)));
        int from = 0;
        for (int to : at) {
            flushed.feed(bytes, from, to - from, -1);
            flushed.flush(-1); // the link is lost here
            from = to;
        }
        flushed.feed(bytes, from, bytes.length - from, -1);
        flushed.flush(-1);

        Map<Long, String> onePass = new TreeMap<>();
        LineFramer whole = new LineFramer((line, number, millis) -> onePass.put(number, line));
        whole.feed(bytes, 0, bytes.length, -1);
        whole.flush(-1);

        Map<Long, String> joined = new TreeMap<>();
        pieces.forEach((number, line) -> joined.put(number, line.toString()));
        assertThat(joined).isEqualTo(onePass);
        assertThat(flushed.lineCount()).isEqualTo(whole.lineCount());
    }

    @Provide
    Arbitrary<String> consoles() {
        return Arbitraries.of("> ", "print(1)", "1", "\r", "\n", "\r\n", "rst:0xc (SW_CPU_RESET)", "    40 bytes (@ 0x3ffc8a30)")
                .list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 1 << 16).list().ofMaxSize(8);
    }
}
