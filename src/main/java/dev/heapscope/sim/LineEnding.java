package dev.heapscope.sim;

/** How the board ends prompt, echo and {@code print} lines: current dev-esp32 uses LF, older builds CRLF. */
public enum LineEnding {
    LF("\n"),
    CRLF("\r\n");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
