package dev.heapscope.model;

/**
 * A board event and the 1-based console line that announced it, numbered as the parser numbers lines
 * (CR, LF and CRLF each end one), so the event can be placed among the dumps and found in the text.
 */
public record LineEvent(long lineNumber, BoardEvent event) {

    public BoardEvent.Kind kind() {
        return event.kind();
    }
}
