package dev.heapscope.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A command's standard output or error with {@link TerminalText} applied to all the text it prints.
 * Bytes written as bytes pass unchanged: that is how JSON, folded stacks, CSV, SVG, PNG and HTML reach
 * standard output, each with its own escaping, identical to the file {@code -o} would write.
 *
 * <p>Every text method is overridden and handed to the stream below as text, so that stream's own
 * encoding still applies and nothing of this stream's encoder is ever used.
 */
final class TerminalStream extends PrintStream {
    private final PrintStream shown;

    TerminalStream(PrintStream shown) {
        super(shown, true);
        this.shown = shown;
    }

    /** The stream below, for {@code --raw}. */
    PrintStream raw() {
        return shown;
    }

    /** {@code stream} with its text escaped; a stream that already escapes is returned as it is. */
    static PrintStream escaping(PrintStream stream) {
        return stream instanceof TerminalStream ? stream : new TerminalStream(stream);
    }

    @Override
    public void print(String s) {
        shown.print(TerminalText.escape(String.valueOf(s)));
    }

    @Override
    public void print(Object obj) {
        print(String.valueOf(obj));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void println(String x) {
        shown.println(TerminalText.escape(String.valueOf(x)));
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(char x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(char[] x) {
        println(new String(x));
    }

    @Override
    public void println() {
        shown.println();
    }

    @Override
    public PrintStream format(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream format(Locale locale, String format, Object... args) {
        print(String.format(locale, format, args));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        print(String.valueOf(csq == null ? "null" : csq).substring(start, end));
        return this;
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }

    @Override
    public void write(int b) {
        shown.write(b);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        shown.write(buf, off, len);
    }

    @Override
    public void flush() {
        shown.flush();
    }

    @Override
    public void close() {
        shown.close();
    }

    @Override
    public boolean checkError() {
        return shown.checkError();
    }
}
