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
        TreeSink sink = new TreeSink(builder);
        List<ParseWarning> problems = new ArrayList<>();
        int skippedProblems = 0;
        int stacks = 0;
        long lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String problem = FoldedLine.read(line, sink);
            if (problem == FoldedLine.STACK) {
                stacks++;
            } else if (problem != null && problems.size() < MAX_PROBLEMS_REPORTED) {
                problems.add(new ParseWarning(lineNumber, problem));
            } else if (problem != null) {
                skippedProblems++;
            }
        }
        if (skippedProblems > 0) {
            problems.add(new ParseWarning(0, skippedProblems + " more unreadable lines not listed"));
        }
        return new FoldedImport(builder.build(), stacks, problems);
    }

    /** Frames of the line being read, for {@link CallTree.Builder#addStack}. */
    private static final class TreeSink implements FoldedLine.Sink {
        private final CallTree.Builder builder;
        private final List<String> frames = new ArrayList<>();

        TreeSink(CallTree.Builder builder) {
            this.builder = builder;
        }

        @Override
        public void frame(int depth, String frame) {
            if (depth == 0) {
                frames.clear();
            }
            frames.add(frame);
        }

        @Override
        public void stack(int depth, long value) {
            builder.addStack(frames.subList(0, depth), value);
        }
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
