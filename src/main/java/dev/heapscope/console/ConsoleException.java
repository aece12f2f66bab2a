package dev.heapscope.console;

/** A command did not get its answer: timeout, the board reset or crashed, the link went away. */
public final class ConsoleException extends Exception {
    /** Why, for code that reacts differently (a reset is not a timeout). */
    public enum Kind { TIMEOUT, BOARD_RESET, BOARD_CRASHED, DISCONNECTED, INCOMPLETE_CHUNK, WRITE_FAILED, REFUSED }

    private final Kind kind;

    public ConsoleException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
