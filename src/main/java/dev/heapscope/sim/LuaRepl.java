package dev.heapscope.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The board's console line editor and read-eval-print loop: echoes every received byte, handles
 * backspace and CR/LF/CRLF, keeps at most 255 characters of a line, shows {@code > } or {@code >> }
 * for an incomplete chunk, and rewrites {@code =expr} to {@code return expr}. Board thread only.
 */
final class LuaRepl {
    static final int MAX_LINE = 255;

    interface Evaluator {
        /** Compiles {@code code}; null when it compiled, else the compiler's message ({@code stdin:1: ...}). */
        String syntaxError(byte[] code);

        /** Runs code that compiled. */
        void run(byte[] code);
    }

    private final ConsoleWriter out;
    private final Evaluator evaluator;
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private boolean lastWasCr;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LuaRepl(ConsoleWriter out, Evaluator evaluator) {
        this.out = out;
        this.evaluator = evaluator;
    }

    void prompt() {
        out.raw(pending.size() > 0 ? ">> " : "> ");
    }

    /** Forgets a half-typed line and chunk (reboot). */
    void reset() {
        lineLength = 0;
        lastWasCr = false;
        pending.reset();
    }

    void receive(byte b) {
        boolean wasCr = lastWasCr;
        lastWasCr = b == '\r';
        if (b == '\n' && wasCr) {
            return; // the LF of a CRLF
        }
        if (b == '\r' || b == '\n') {
            out.text("\n");
            byte[] entered = java.util.Arrays.copyOf(line, lineLength);
            lineLength = 0;
            onLine(entered);
            prompt();
            return;
        }
        if (b == 0x08 || b == 0x7f) {
            if (lineLength > 0) {
                lineLength--;
                out.raw("\b \b");
            }
            return;
        }
        out.bytes(new byte[]{b}, 0, 1);
        if (lineLength == MAX_LINE) {
            // the board's 256-byte buffer filled: its start is silently dropped
            System.arraycopy(line, 1, line, 0, MAX_LINE - 1);
            lineLength--;
        }
        line[lineLength++] = b;
    }

    private void onLine(byte[] entered) {
        byte[] code;
        if (pending.size() == 0 && entered.length > 0 && entered[0] == '=') {
            code = concat("return ".getBytes(StandardCharsets.ISO_8859_1), java.util.Arrays.copyOfRange(entered, 1, entered.length));
        } else if (pending.size() > 0) {
            code = concat(pending.toByteArray(), concat(new byte[]{'\n'}, entered));
        } else {
            code = entered;
        }
        pending.reset();
        String error = evaluator.syntaxError(code);
        if (error == null) {
            evaluator.run(code);
            return;
        }
        if (isIncomplete(error)) {
            pending.writeBytes(code);
            return;
        }
        out.text("Lua error: \t" + ErrorDecorator.rewriteSyntax(error) + "\n");
    }

    /**
     * lua.c incomplete(): a syntax error at the end of the input ({@code near <eof>}, Lua 5.1 {@code near '<eof>'})
     * means more input is due.
     */
    private static boolean isIncomplete(String error) {
        return error.endsWith("<eof>") || error.endsWith("'<eof>'");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
