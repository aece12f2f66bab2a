package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.FoldedLine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One ASCII folded line, every rule of {@link FoldedLine} applied to its
 * bytes: the exact path {@link FoldedStacksScanner} takes for a line that is not the plain
 * {@code a;b;c 123} shape (comments, blank lines, whitespace around frames, a bad value).
 */
final class FoldedLineBytes {
    private final FlameStacks stacks;
    private int[] ids = new int[64];

    FoldedLineBytes(FlameStacks stacks) {
        this.stacks = stacks;
    }

    /** Adds an ASCII line's stack; returns {@link FoldedLine#STACK}, null (ignorable) or the problem. */
    String read(byte[] buf, int from, int to) {
        while (from < to && blank(buf[from])) {
            from++;
        }
        while (to > from && blank(buf[to - 1])) {
            to--;
        }
        if (from == to || buf[from] == '#') {
            return null;
        }
        int split = to - 1;
        while (split >= from && !blank(buf[split])) {
            split--;
        }
        if (split < from) {
            return "no value after the stack: '" + FoldedLine.shorten(text(buf, from, to)) + "'";
        }
        long value = digits(buf, split + 1, to);
        if (value == -1) {
            String valueText = text(buf, split + 1, to);
            try {
                value = Long.parseLong(valueText);
            } catch (NumberFormatException notANumber) {
                return "value '" + FoldedLine.shorten(valueText) + "' is not a whole number";
            }
            if (value < 0) {
                return "negative value " + value;
            }
        }
        int stackEnd = split;
        while (blank(buf[stackEnd - 1])) {
            stackEnd--;
        }
        int depth = 0;
        for (int start = from; ; ) {
            int end = start;
            while (end < stackEnd && buf[end] != ';') {
                end++;
            }
            int frameFrom = start;
            int frameTo = end;
            while (frameFrom < frameTo && blank(buf[frameFrom])) {
                frameFrom++;
            }
            while (frameTo > frameFrom && blank(buf[frameTo - 1])) {
                frameTo--;
            }
            if (frameFrom == frameTo) {
                return "empty frame in stack '" + FoldedLine.shorten(text(buf, from, stackEnd)) + "'";
            }
            if (depth == ids.length) {
                ids = Arrays.copyOf(ids, depth * 2);
            }
            ids[depth++] = stacks.names().idOfRaw(buf, frameFrom, frameTo);
            if (end == stackEnd) {
                break;
            }
            start = end + 1;
        }
        try {
            stacks.add(ids, depth, value);
        } catch (ArithmeticException overflow) {
            return "value " + value + " makes the total overflow";
        }
        return FoldedLine.STACK;
    }

    /** The value of plain decimal digits (at most 18, so no overflow), or -1 for anything else. */
    private static long digits(byte[] buf, int from, int to) {
        if (to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static String text(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** ASCII whitespace as {@link Character#isWhitespace} sees it (what {@code String.strip} removes). */
    static boolean blank(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }
}
