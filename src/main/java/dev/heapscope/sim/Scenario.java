package dev.heapscope.sim;

/**
 * A Lua scenario the virtual board can run: its file name, its text and its comment header
 * ({@link ScenarioHeader}: title, virtual seconds, what a run must show).
 */
public record Scenario(String name, String text, ScenarioHeader header) {

    /** Reads the header of {@code text}; a malformed one is an error naming {@code name} and the line. */
    public static Scenario parse(String name, String text) throws ScenarioHeader.MalformedException {
        return new Scenario(name, text, ScenarioHeader.read(name, text));
    }

    /** The header's title, else the file name. */
    public String title() {
        return header.title() != null ? header.title() : name;
    }

    /** The virtual seconds its timers need after the script (the header's {@code expect.seconds}, else 0). */
    public long virtualSeconds() {
        return header.virtualSeconds();
    }

    @Override
    public String toString() {
        return name;
    }
}
