package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.FoldedImport;
import dev.heapscope.analysis.FoldedStacksReader;
import dev.heapscope.analysis.Weight;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte scanner reads every line as the text reader does: same stacks, same counts, same problems. */
class FoldedStacksScannerTest {
    private static final String AWKWARD = "# comment\r\n"
            + "main;  app_main ;leak 208\r\n"
            + "main;app_main;leak 100\rmain;app_main\tidle 16\n"
            + "\n   \n"
            + "main;#hash;d\u00e9j\u00e0 vu 30\n"
            + "main;app 0\n"
            + "main;app_main 7\n"
            + "main;app_main;a b 5\nmain;app_main;a;b 6\n"
            + "zeta;\uD83D\uDE00;x 9\nzeta;\uFB01;x 9\n"
            + "wide\u2003space\u3000;\u3000ideographic 4\n"
            + "main;x\u2003\u0661\u0662\n"
            + "main;plus +5\n"
            + "no_value\n"
            + "main;bad 12x\n"
            + "main;neg -3\n"
            + "main;;empty 1\n"
            + ";lead 1\n"
            + "main;huge 9223372036854775807\n"
            + "main;more 1\n"
            + "main;tab\there\t 3\n"
            + "\u00a0nbsp 2\n"
            + "last_line_without_newline 1";

    private static void readsAlike(String text, int bufferBytes) throws IOException {
        FoldedImport expected = FoldedStacksReader.read(text, Weight.BYTES);
        FlameImport actual = FoldedStacksScanner.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Weight.BYTES, bufferBytes);
        assertThat(actual.stackLines()).isEqualTo(expected.stackLines());
        assertThat(actual.problems()).isEqualTo(expected.problems());
        assertThat(FlameFramesListing.of(FlameFrames.of(actual.stacks(), 0)))
                .isEqualTo(FlameFramesListing.of(expected.tree()));
    }

    @Test
    void awkwardLinesReadAsTheTextReaderReadsThem() throws IOException {
        readsAlike(AWKWARD, 1 << 20);
        assertThat(FoldedStacksReader.read(AWKWARD, Weight.BYTES).problems()).hasSize(6); // no value, 12x, -3, two empty frames, the overflow
    }

    @Test
    void linesAndCrLfCrossingReadsAreStillOneLine() throws IOException {
        for (int buffer = 1; buffer <= 40; buffer++) {
            readsAlike(AWKWARD, buffer);
        }
    }

    @Test
    void moreThanAThousandProblemsAreCountedNotListed() throws IOException {
        StringBuilder text = new StringBuilder("ok 1\n");
        for (int i = 0; i < 1500; i++) {
            text.append("bad").append(i).append('\n');
        }
        readsAlike(text.toString(), 1 << 20);
        assertThat(FoldedStacksScanner.read(text.toString(), Weight.BYTES).problems()).hasSize(1001)
                .last().hasToString("500 more unreadable lines not listed");
    }

    @Test
    void anInvalidUtf8ByteBecomesAReplacementCharacterNotAFailure() throws IOException {
        byte[] bytes = "main;caf\u00ff 5\n".getBytes(StandardCharsets.ISO_8859_1);
        FlameImport read = FoldedStacksScanner.read(new ByteArrayInputStream(bytes), Weight.BYTES);
        assertThat(read.stackLines()).isOne();
        FlameFrames frames = FlameFrames.of(read.stacks(), 0);
        assertThat(frames.name(2)).isEqualTo("caf\uFFFD");
    }
}
