package dev.heapscope.ui;

/**
 * A Lua scenario the virtual board can run: its file name, the one-line title of its comment header,
 * its text, and the virtual seconds its timers need (the header's {@code expect.seconds}, else 0).
 */
public record Scenario(String name, String title, String text, long virtualSeconds) {

    /** Reads the title and {@code expect.seconds} from the scenario's comment header. */
    public static Scenario parse(String name, String text) {
        String title = name;
        long seconds = 0;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                if (!trimmed.isEmpty()) {
                    break;
                }
                continue;
            }
            String comment = trimmed.substring(2).strip();
            if (comment.startsWith("Scenario:")) {
                title = comment.substring("Scenario:".length()).strip();
            } else if (comment.startsWith("expect.seconds")) {
                String value = comment.substring(comment.indexOf('=') + 1).strip();
                try {
                    seconds = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    seconds = 0;
                }
            }
        }
        return new Scenario(name, title, text, seconds);
    }

    @Override
    public String toString() {
        return name;
    }
}
