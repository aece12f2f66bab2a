package dev.heapscope.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineFramerTest {
    private final List<String> lines = new ArrayList<>();
    private final List<Long> numbers = new ArrayList<>();
    private final LineFramer framer = new LineFramer((text, number, millis) -> {
        lines.add(text);
        numbers.add(number);
    });

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        framer.feed(bytes, 0, bytes.length, -1);
    }

    @Test
    void crLfAndCrLfEachEndOneLine() {
        feed("a\nb\rc\r\nd\n");
        assertThat(lines).containsExactly("a", "b", "c", "d");
        assertThat(numbers).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void crLfSplitAcrossTwoReadsIsStillOneLineEnd() {
        feed("first\r");
        feed("\nsecond\r");
        feed("\n");
        assertThat(lines).containsExactly("first", "second");
    }

    @Test
    void doubledLineEndsGiveEmptyLines() {
        feed("a\r\n\r\nb\n\n");
        assertThat(lines).containsExactly("a", "", "b", "");
    }

    @Test
    void lfThenCrIsTwoLineEnds() {
        feed("a\n\rb\n");
        assertThat(lines).containsExactly("a", "", "b");
    }

    @Test
    void aLineArrivingInPiecesIsJoined() {
        feed("    64 bytes (@ 0x3ffb");
        feed("2a10, Internal)");
        assertThat(lines).isEmpty();
        assertThat(framer.pendingText()).isEqualTo("    64 bytes (@ 0x3ffb2a10, Internal)");
        feed(" allocated\r\n");
        assertThat(lines).containsExactly("    64 bytes (@ 0x3ffb2a10, Internal) allocated");
        assertThat(framer.pendingText()).isEmpty();
    }

    @Test
    void aPromptWithoutNewlineStaysPendingUntilFlush() {
        feed("done\n> ");
        assertThat(lines).containsExactly("done");
        assertThat(framer.pendingText()).isEqualTo("> ");
        framer.flush(-1);
        assertThat(lines).containsExactly("done", "> ");
    }

    @Test
    void everyByteValueSurvivesDecoding() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        framer.feed(all, 0, all.length, -1);
        framer.flush(-1);
        String joined = String.join("", lines);
        assertThat(joined).hasSize(254); // every byte but CR and LF
        assertThat(joined.charAt(0)).isEqualTo('\u0000');
        assertThat(joined.charAt(253)).isEqualTo('\u00ff');
    }

    @Test
    void hostArrivalTimeTravelsWithTheLine() {
        List<Long> millis = new ArrayList<>();
        LineFramer timed = new LineFramer((text, number, hostMillis) -> millis.add(hostMillis));
        byte[] part1 = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] part2 = "def\n".getBytes(StandardCharsets.US_ASCII);
        timed.feed(part1, 0, part1.length, 100);
        timed.feed(part2, 0, part2.length, 250);
        assertThat(millis).containsExactly(250L);
    }

    @Test
    void anEndlessLineIsCappedNotGrownWithoutBound() {
        byte[] chunk = new byte[1 << 16];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 20; i++) {
            framer.feed(chunk, 0, chunk.length, -1);
        }
        framer.feed(new byte[] {'\n'}, 0, 1, -1);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).hasSize(1 << 20);
        assertThat(framer.truncatedLines()).isEqualTo(1);
    }
}
