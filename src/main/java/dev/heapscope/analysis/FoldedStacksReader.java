package dev.heapscope.analysis;

import dev.heapscope.model.ParseWarning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads folded stacks, the text {@code flamegraph.pl}, inferno and async-profiler exchange: one stack
 * per line, frames from the outermost separated by {@code ;}, then whitespace and an integer value
 * ({@code main;app_main;leak_some_memory 208}). Blank lines and lines starting with {@code #} are
 * skipped, CRLF is accepted, equal stacks add up. A line that cannot be read is reported with its
 * number and skipped: bad input never throws.
 */
public final class FoldedStacksReader {
    private static final int MAX_PROBLEMS_REPORTED = 1000;

    private FoldedStacksReader() {
    }

    public static FoldedImport read(String text, Weight weight) {
        try {
            return read(new BufferedReader(new StringReader(text)), weight);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Reads a UTF-8 file; a byte that is not UTF-8 becomes U+FFFD, as {@code FoldedStacksScanner} reads it
     * for a flame graph (Files.newBufferedReader would stop at it with "Input length = 1").
     * @throws IOException only when the file cannot be read, never for its content
     */
    public static FoldedImport read(Path file, Weight weight) throws IOException {
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            return read(in, weight);
        }
    }

    /** @throws IOException only when {@code in} fails, never for what it contains */
    public static FoldedImport read(BufferedReader in, Weight weight) throws IOException {
        CallTree.Builder builder = new CallTree.Builder(weight);
        List<ParseWarning> problems = new ArrayList<>();
        int skippedProblems = 0;
        int stacks = 0;
        long lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String problem = readLine(line, builder);
            if (problem == null) {
                if (!isIgnorable(line)) {
                    stacks++;
                }
            } else if (problems.size() < MAX_PROBLEMS_REPORTED) {
                problems.add(new ParseWarning(lineNumber, problem));
            } else {
                skippedProblems++;
            }
        }
        if (skippedProblems > 0) {
            problems.add(new ParseWarning(0, skippedProblems + " more unreadable lines not listed"));
        }
        return new FoldedImport(builder.build(), stacks, problems);
    }

    private static boolean isIgnorable(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    /** Adds the line's stack; returns what is wrong with it, or null when it was fine or ignorable. */
    private static String readLine(String line, CallTree.Builder builder) {
        if (isIgnorable(line)) {
            return null;
        }
        String trimmed = line.strip();
        int split = lastWhitespace(trimmed);
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
        List<String> frames = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = stack.indexOf(';', start);
            String frame = (end < 0 ? stack.substring(start) : stack.substring(start, end)).strip();
            if (frame.isEmpty()) {
                return "empty frame in stack '" + shorten(stack) + "'";
            }
            frames.add(frame);
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        try {
            builder.addStack(frames, value);
        } catch (ArithmeticException overflow) {
            return "value " + value + " makes the total overflow";
        }
        return null;
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static final java.util.regex.Pattern FOLDED_LINE = java.util.regex.Pattern.compile("\\S.*\\s\\d+");

    /**
     * Whether {@code text} is folded stacks ({@code a;b;c 123} on every line that is not blank or a
     * {@code #} comment) rather than a console log.
     *
     * @param cut the text is the start of a longer file, so its last line may be unfinished
     */
    public static boolean looksFolded(String text, boolean cut) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int usable = cut && lines.length > 1 ? lines.length - 1 : lines.length;
        int stacks = 0;
        for (int i = 0; i < usable; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!FOLDED_LINE.matcher(line).matches()) {
                return false;
            }
            stacks++;
        }
        return stacks > 0;
    }
}
