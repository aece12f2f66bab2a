package dev.heapscope.parse;

/** Strict parsing only: a line inside a dump could not be read. */
public final class DumpFormatException extends RuntimeException {
    private final long lineNumber;

    public DumpFormatException(long lineNumber, String message) {
        super("line " + lineNumber + ": " + message);
        this.lineNumber = lineNumber;
    }

    public long lineNumber() {
        return lineNumber;
    }
}
