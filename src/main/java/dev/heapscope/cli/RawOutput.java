package dev.heapscope.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;

/**
 * {@code --raw}: the board's and the log's text on standard output exactly as it came. Without it,
 * control characters are shown escaped ({@link TerminalText}) whether standard output is a terminal or
 * not: a file or a CI log is read on a terminal or in a browser later, where the same sequences act.
 */
final class RawOutput {

    @Option(names = "--raw", description = "print the board's and the log's text unchanged, control characters "
            + "included. Default: shown escaped (\\x1b, \\u202e; in JSON \\u009b), also into files and pipes, "
            + "since a log is read on a terminal later")
    boolean raw;

    /** Where the command prints its text: {@code out} escaping, or, with {@code --raw}, the stream below it. */
    PrintStream of(PrintStream out) {
        return raw && out instanceof TerminalStream escaping ? escaping.raw() : out;
    }
}
