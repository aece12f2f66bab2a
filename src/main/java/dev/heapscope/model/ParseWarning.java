package dev.heapscope.model;

/** Something in the input that did not add up, with the 1-based line it was found on (0: none). */
public record ParseWarning(long lineNumber, String message) {
    @Override
    public String toString() {
        return lineNumber > 0 ? "line " + lineNumber + ": " + message : message;
    }
}
