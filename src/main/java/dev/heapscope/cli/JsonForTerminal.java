package dev.heapscope.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 JSON on its way to standard output, with the characters JSON allows raw but a terminal acts on
 * (DEL, C1 controls, bidi overrides and isolates) written as {@code \\u} escapes: the same JSON value,
 * safe to look at. JSON writers escape C0 controls themselves. These bytes occur only inside strings
 * (JSON's own syntax is ASCII), so an escape there always means the same character.
 */
final class JsonForTerminal extends FilterOutputStream {
    private static final int NONE = 0;
    private int lead; // the bytes held of a sequence that may be one to escape: 0xC2, 0xE2, 0xE280 or 0xE281
    private int held;

    private final boolean filtering;

    private JsonForTerminal(OutputStream out, boolean filtering) {
        super(out);
        this.filtering = filtering;
    }

    /**
     * Where to write JSON: filtered when {@code out} escapes, as it is with {@code --raw}. Closing it (JSON
     * writers close what they are given) leaves standard output open for the line end after the JSON.
     */
    static PrintStream onto(PrintStream out) {
        boolean escaping = out instanceof TerminalStream;
        return new PrintStream(new JsonForTerminal(escaping ? ((TerminalStream) out).raw() : out, escaping), true,
                StandardCharsets.UTF_8);
    }

    @Override
    public void write(int value) throws IOException {
        int b = value & 0xff;
        if (!filtering) {
            out.write(b);
        } else if (held == 0) {
            if (b == 0x7f) {
                escape(b);
            } else if (b == 0xc2 || b == 0xe2) {
                hold(b, 1);
            } else {
                out.write(b);
            }
        } else if (lead == 0xc2) {
            finish(b >= 0x80 && b <= 0x9f, b, b);
        } else if (held == 1) { // after 0xE2: only U+2000..U+207F can be one to escape
            if (b == 0x80 || b == 0x81) {
                hold(0xe200 | b, 2);
            } else {
                finish(false, b, 0);
            }
        } else if (lead == 0xe280) {
            finish(b >= 0xaa && b <= 0xae, b, 0x2000 | (b & 0x3f));
        } else {
            finish(b >= 0xa6 && b <= 0xa9, b, 0x2040 | (b & 0x3f));
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (!filtering) {
            out.write(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void close() throws IOException {
        release();
        flush(); // standard output stays open
    }

    private void hold(int bytes, int count) {
        lead = bytes;
        held = count;
    }

    /** The sequence held plus {@code last}: escaped as {@code codePoint}, or written as it came. */
    private void finish(boolean escapeIt, int last, int codePoint) throws IOException {
        if (escapeIt) {
            lead = NONE;
            held = 0;
            escape(codePoint);
        } else {
            release();
            write(last); // afresh: it may start a sequence of its own
        }
    }

    private void release() throws IOException {
        if (held == 2) {
            out.write(0xe2);
            out.write(lead & 0xff);
        } else if (held == 1) {
            out.write(lead);
        }
        lead = NONE;
        held = 0;
    }

    private void escape(int codePoint) throws IOException {
        out.write(String.format("\\u%04x", codePoint).getBytes(StandardCharsets.US_ASCII));
    }
}
