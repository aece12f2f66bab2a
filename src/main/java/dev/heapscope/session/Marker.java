package dev.heapscope.session;

/**
 * A moment on the session's timeline: a verb sent, a dump received, a reset seen.
 *
 * @param detail short text for tooltips and logs ("init(200)", "dump #3, 120 records")
 */
public record Marker(Kind kind, long hostMillis, String detail) {
    public enum Kind { CONNECT, INIT, START, STOP, RESUME, DUMP, GC, RESET, CRASH, DISCONNECT, COMMAND }
}
