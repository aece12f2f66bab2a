package dev.heapscope.analysis;

/**
 * The rules of one folded-stacks line ({@code frame;frame;frame COUNT}), as text: the one reading that
 * {@link FoldedStacksReader} (into a {@link CallTree}) and {@code flame.FoldedStacksScanner} (into flame stacks,
 * for a line that is not plain ASCII) share. Whitespace is Unicode's ({@link String#strip}), the value is
 * {@link Long#parseLong}'s; a blank line or one starting with {@code #} is ignorable. The byte path
 * ({@code flame.FoldedLineBytes}) applies the same rules to ASCII bytes and is checked against this one.
 */
public final class FoldedLine {
    /** Returned for a line that added a stack (a distinct instance, compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String STACK = new String("stack");

    /** Where a line's frames, then its value, go. */
    public interface Sink {
        /** The frame at {@code depth} (0 is the outermost); a line found bad later may have handed some already. */
        void frame(int depth, String frame);

        /**
         * The line's stack is its first {@code depth} frames, worth {@code value} (never negative).
         *
         * @throws ArithmeticException when the value makes a total overflow
         */
        void stack(int depth, long value);
    }

    private FoldedLine() {
    }

    /** Reads {@code line} into {@code sink}; returns {@link #STACK}, null for a blank or comment line, or the problem. */
    public static String read(String line, Sink sink) {
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
            sink.frame(depth++, frame);
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        try {
            sink.stack(depth, value);
        } catch (ArithmeticException overflow) {
            return "value " + value + " makes the total overflow";
        }
        return STACK;
    }

    /** At most 80 characters of {@code text}, for a problem's wording. */
    public static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
