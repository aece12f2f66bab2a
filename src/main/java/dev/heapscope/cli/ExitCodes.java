package dev.heapscope.cli;

/** The exit codes scripts can rely on. */
final class ExitCodes {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int UNREADABLE_INPUT = 2;
    /** {@code --fail-on-leak}: more bytes leaked than allowed. */
    static final int LEAK_GATE = 3;

    private ExitCodes() {
    }
}
