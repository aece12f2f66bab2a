package dev.heapscope.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Turns console text into bytes for the listeners, with the board's line ending. Board thread only. */
final class ConsoleWriter {
    private final List<ConsoleOutput> outputs;
    private final LineEnding lineEnding;
    private Consumer<byte[]> redirect;
    private boolean serialToo = true;
    private Runnable fence = () -> { };

    ConsoleWriter(List<ConsoleOutput> outputs, LineEnding lineEnding) {
        this.outputs = outputs;
        this.lineEnding = lineEnding;
    }

    /** Run before every write: throws in a board thread the watchdog abandoned, so it prints nothing more. */
    void fence(Runnable check) {
        this.fence = check;
    }

    String newline() {
        return lineEnding.text();
    }

    /** Text whose {@code \n} become the board's line ending; other bytes pass unchanged (ISO-8859-1). */
    void text(String text) {
        if (lineEnding == LineEnding.CRLF) {
            text = text.replaceAll("(?<!\r)\n", "\r\n");
        }
        raw(text);
    }

    /** Exactly these characters (one byte each), e.g. the heap-trace dump with its own {@code \r\n}. */
    void raw(CharSequence text) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        bytes(bytes, 0, bytes.length);
    }

    /**
     * {@code node.output}: what is written from now on goes to {@code sink} (null: back to the serial port
     * only), and to the serial port as well when {@code serialToo}.
     */
    void redirect(Consumer<byte[]> sink, boolean serialToo) {
        this.redirect = sink;
        this.serialToo = sink == null || serialToo;
    }

    void bytes(byte[] bytes, int offset, int length) {
        fence.run();
        Consumer<byte[]> sink = redirect;
        if (sink != null) {
            sink.accept(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            if (!serialToo) {
                return;
            }
        }
        for (ConsoleOutput output : outputs) {
            try {
                output.write(bytes, offset, length);
            } catch (RuntimeException e) {
                System.getLogger(ConsoleWriter.class.getName())
                        .log(System.Logger.Level.WARNING, "console listener failed", e);
            }
        }
    }
}
