package dev.heapscope.sim;

/** The console as an {@link Appendable}, written raw (the heap-trace dump brings its own line endings). */
final class ConsoleSink implements Appendable {
    private final ConsoleWriter out;

    ConsoleSink(ConsoleWriter out) {
        this.out = out;
    }

    @Override
    public Appendable append(CharSequence csq) {
        out.raw(csq == null ? "null" : csq);
        return this;
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
        return append((csq == null ? "null" : csq).subSequence(start, end));
    }

    @Override
    public Appendable append(char c) {
        return append(String.valueOf(c));
    }
}
