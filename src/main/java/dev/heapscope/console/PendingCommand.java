package dev.heapscope.console;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A command queued or running at the board's prompt: its lines, how far it got, what it printed. Session thread. */
final class PendingCommand {
    final String command;
    final String[] lines;
    final long idleTimeoutMillis;
    // typed at the console by the user: a >> after its last line answers it (the chunk goes on)
    final boolean typed;
    final CompletableFuture<CommandResult> future = new CompletableFuture<>();
    final List<String> output = new ArrayList<>();
    int lineIndex;
    boolean written;
    boolean echoSeen;
    // the board showed its prompt when the line went out: it was idle, so the next prompt answers it
    boolean promptVisibleAtWrite;
    long sentAtMillis;

    PendingCommand(String command, long idleTimeoutMillis, boolean typed) {
        this.command = command;
        this.typed = typed;
        this.lines = command.split("\r?\n", -1);
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    String currentLine() {
        return lines[lineIndex];
    }

    boolean lastLineSent() {
        return lineIndex == lines.length - 1;
    }
}
