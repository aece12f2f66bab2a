package dev.heapscope.ui.console;

/**
 * A line the board printed, as the console view lists it.
 *
 * @param heapPoll the echo or answer of a heap poll: hidden unless the user asks to see polls
 */
public record ConsoleLine(String text, boolean heapPoll) {

    public static ConsoleLine board(String text) {
        return new ConsoleLine(text, false);
    }

    public static ConsoleLine poll(String text) {
        return new ConsoleLine(text, true);
    }

    @Override
    public String toString() {
        return text;
    }
}
