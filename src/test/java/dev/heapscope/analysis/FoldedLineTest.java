package dev.heapscope.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reading of a folded line that the tree reader and the flame scanner share. */
class FoldedLineTest {
    /** Records what the reader hands over, and can refuse a value as an overflowing total would. */
    private static final class Recorder implements FoldedLine.Sink {
        final List<String> calls = new ArrayList<>();
        long refuseAbove = Long.MAX_VALUE;

        @Override
        public void frame(int depth, String frame) {
            calls.add(depth + ":" + frame);
        }

        @Override
        public void stack(int depth, long value) {
            if (value > refuseAbove) {
                throw new ArithmeticException("long overflow");
            }
            calls.add("stack " + depth + " = " + value);
        }
    }

    @Test
    void framesOutermostFirstThenTheStackWithItsValue() {
        Recorder sink = new Recorder();
        assertThat(FoldedLine.read("  main ; app_main;\tleak_some_memory   208 \r", sink)).isSameAs(FoldedLine.STACK);
        assertThat(sink.calls).containsExactly("0:main", "1:app_main", "2:leak_some_memory", "stack 3 = 208");
    }

    @Test
    void blankAndCommentLinesAreIgnorableAndTouchNothing() {
        Recorder sink = new Recorder();
        assertThat(FoldedLine.read("   ", sink)).isNull();
        assertThat(FoldedLine.read("# a;b 3", sink)).isNull();
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void aBadLineIsItsProblemAndAddsNoStack() {
        Recorder sink = new Recorder();
        assertThat(FoldedLine.read("main;app", sink)).isEqualTo("no value after the stack: 'main;app'");
        assertThat(FoldedLine.read("main;app 12x", sink)).isEqualTo("value '12x' is not a whole number");
        assertThat(FoldedLine.read("main;app -4", sink)).isEqualTo("negative value -4");
        assertThat(FoldedLine.read("main;;app 4", sink)).isEqualTo("empty frame in stack 'main;;app'");
        assertThat(sink.calls).containsExactly("0:main").doesNotContain("stack");
    }

    @Test
    void aTotalThatWouldOverflowIsWordedNotThrown() {
        Recorder sink = new Recorder();
        sink.refuseAbove = 10;
        assertThat(FoldedLine.read("a;b 11", sink)).isEqualTo("value 11 makes the total overflow");
    }

    @Test
    void aLongTextIsShortenedInTheProblem() {
        String frame = "f".repeat(120);
        String problem = FoldedLine.read(frame, new Recorder());
        assertThat(problem).startsWith("no value after the stack: 'fff").endsWith("...'");
        assertThat(FoldedLine.shorten(frame)).hasSize(80);
    }
}
