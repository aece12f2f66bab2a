package dev.heapscope.parse;

/** Receives whole console lines, without their terminators, in arrival order. */
public interface LineSink {

    /**
     * @param text       the line without CR/LF; bytes decoded one to one (ISO-8859-1), so nothing is lost
     * @param lineNumber 1-based position in the input
     * @param hostMillis when the line's last byte arrived (epoch ms), -1 when unknown (files)
     */
    void line(String text, long lineNumber, long hostMillis);

    /** The console's prompt came back (or the input ended): whatever was being printed is over. */
    default void promptShown() {
    }
}
