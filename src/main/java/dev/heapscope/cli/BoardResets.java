package dev.heapscope.cli;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.parse.BoardEventDetector;

/**
 * Watches the board's console during {@code run} for a reset: a reboot loses the heap trace, so the run cannot
 * give a verdict, and the user must learn why (the task watchdog, a panic, {@code node.restart()}) rather than
 * only that the trace was gone. Lines are read by the one {@link BoardEventDetector} the app and the parser use.
 */
final class BoardResets {
    // written by the console's thread, read by the command's once the hunt is over
    private volatile String cause;
    private volatile boolean rebooted;
    private volatile boolean armed;

    /** From the script's start on: the boot that brought the board up before it is no reset of the run. */
    void arm() {
        armed = true;
    }

    /** Every line the board printed, in order. */
    void see(String line) {
        if (!armed) {
            return;
        }
        BoardEvent event = BoardEventDetector.detect(line).orElse(null);
        if (event instanceof BoardEvent.LogLine log && cause == null && log.tag().equals("task_wdt")
                && log.message().startsWith("Task watchdog got triggered")) {
            cause = "the task watchdog fired (a chunk ran too long without coming back)";
        } else if (event instanceof BoardEvent.Crash crash && cause == null) {
            cause = "the board crashed (" + crash.reason() + ")";
        } else if (event instanceof BoardEvent.Reset) {
            rebooted = true;
        }
    }

    /** One sentence for the user, or null while the board has not reset. */
    String describe() {
        if (!rebooted) {
            return null;
        }
        String why = cause != null ? cause : "the script restarted it";
        return "the board rebooted during the run: " + why + "; the heap trace was lost";
    }
}
