package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.FrameNamer;

import java.util.Arrays;

/**
 * One folded line as text, by {@link dev.heapscope.analysis.FoldedStacksReader}'s rules (Unicode
 * whitespace, {@link Long#parseLong}): the path {@link FoldedStacksScanner} takes for the rare line
 * that is not plain ASCII.
 */
final class FoldedLineText {
    /** Returned for a line that added a stack (a distinct instance, compared by identity). */
    static final String STACK = new String("stack");

    private final FlameStacks stacks;
    private int[] ids = new int[64];

    FoldedLineText(FlameStacks stacks) {
        this.stacks = stacks;
    }

    /** Adds the line's stack; returns {@link #STACK}, null for a blank or comment line, or the problem. */
    String read(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        int split = trimmed.length() - 1;
        while (split >= 0 && !Character.isWhitespace(trimmed.charAt(split))) {
            split--;
        }
        if (split < 0) {
            return "no value after the stack: '" + shorten(trimmed) + "'";
        }
        String valueText = trimmed.substring(split + 1);
        long value;
        try {
            value = Long.parseLong(valueText);
        } catch (NumberFormatException notANumber) {
            return "value '" + shorten(valueText) + "' is not a whole number";
        }
        if (value < 0) {
            return "negative value " + value;
        }
        String stack = trimmed.substring(0, split).strip();
        int depth = 0;
        for (int start = 0; ; ) {
            int end = stack.indexOf(';', start);
            String frame = (end < 0 ? stack.substring(start) : stack.substring(start, end)).strip();
            if (frame.isEmpty()) {
                return "empty frame in stack '" + shorten(stack) + "'";
            }
            if (depth == ids.length) {
                ids = Arrays.copyOf(ids, depth * 2);
            }
            ids[depth++] = stacks.names().idOf(FrameNamer.sanitize(frame));
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        try {
            stacks.add(ids, depth, value);
        } catch (ArithmeticException overflow) {
            return "value " + value + " makes the total overflow";
        }
        return STACK;
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
