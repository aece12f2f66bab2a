package dev.heapscope.console;

import dev.heapscope.model.LineEvent;

/** What a {@link ConsoleProtocol} reports, on the session thread. */
public interface ConsoleListener {

    /** Every complete line the board printed (also those inside dumps and answers), in order. */
    default void lineReceived(String line, long lineNumber, long hostMillis) {
    }

    /** A reset, crash, banner, log line… recognised in the console output, with the line that said it. */
    default void boardEvent(LineEvent event, long hostMillis) {
    }

    /** The board shows its prompt and waits for input. */
    default void promptShown(long hostMillis) {
    }
}
