package dev.heapscope.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 writer onto a command's standard output for text written in bulk (folded stacks), escaping as
 * {@link TerminalStream} does when that output escapes. Folded stacks have no escaping of their own: a
 * frame name with a BEL or a C1 control would reach the terminal, and flamegraph.pl would copy it into
 * an SVG, where XML forbids it.
 */
final class TerminalWriter extends FilterWriter {

    private TerminalWriter(Writer out) {
        super(out);
    }

    /** A writer onto {@code out}: escaping when {@code out} escapes, plain with {@code --raw}. */
    static Writer onto(PrintStream out) {
        if (out instanceof TerminalStream escaping) {
            return new TerminalWriter(new OutputStreamWriter(escaping.raw(), StandardCharsets.UTF_8));
        }
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(TerminalText.escape(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(TerminalText.escape(text.substring(offset, offset + length)));
    }
}
