package dev.heapscope.console;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.BoardEventDetector;
import dev.heapscope.parse.LineFramer;
import dev.heapscope.parse.LineSink;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Talks to a NodeMCU Lua prompt: sends one command at a time, strips its echo, collects what the
 * board prints until the prompt {@code "> "} comes back, and fails the command with a clear reason
 * when the board goes quiet, resets, crashes or asks for more ({@code ">> "}). Every line also goes
 * to a downstream sink (the dump parser) and to the listener, so unsolicited output (logs, timer
 * prints, a reboot) is never lost; so does every prompt, from here only.
 *
 * <p>A command ends at the prompt that follows its echo. A prompt before the echo is the end of
 * something else (the boot of a board that was just plugged in, a script still running) unless the
 * prompt was showing when the command went out: then the board was idle and the prompt is the
 * answer, echo or not.
 *
 * <p>Owned by the session thread: {@link #bytesReceived}, {@link #send} and {@link #tick} must all
 * be called on it. The returned futures complete on it too.
 *
 * <p>It also remembers which prompt the board showed last: after {@code >> } the board holds a partial
 * chunk, and any line sent now would be glued to it. Then only {@linkplain #sendTyped typed} lines (the
 * rest of that chunk) go out; anything else is refused until the board shows {@code > } again.
 */
public final class ConsoleProtocol implements LineSink {
    private static final String PROMPT = "> ";
    private static final String CONTINUATION_PROMPT = ">> ";

    private Transport transport;
    private final LineSink downstream;
    private final ConsoleListener listener;
    private final LineFramer framer = new LineFramer(this);
    private final Deque<PendingCommand> queue = new ArrayDeque<>();
    private PendingCommand current;
    private long lastActivityMillis;
    private boolean promptVisible;
    private BoardPrompt lastPrompt = BoardPrompt.NONE;

    /** The last prompt the board printed: none yet (or a reset since), {@code > }, or {@code >> }. */
    public enum BoardPrompt { NONE, READY, WANTS_MORE }

    public ConsoleProtocol(Transport transport, LineSink downstream, ConsoleListener listener) {
        this.transport = transport;
        this.downstream = downstream;
        this.listener = listener;
    }

    /** After a reconnect: commands go out on the new link. */
    public void useTransport(Transport newTransport) {
        this.transport = newTransport;
    }

    /** Bytes from the transport (already handed over to the session thread). */
    public void bytesReceived(byte[] bytes, int length, long hostMillis) {
        lastActivityMillis = hostMillis;
        framer.feed(bytes, 0, length, hostMillis);
        String pending = framer.pendingText();
        if (pending.equals(PROMPT)) {
            promptShown(hostMillis);
        } else if (pending.equals(CONTINUATION_PROMPT)) {
            continuationShown(hostMillis);
        }
    }

    /**
     * Queues Lua code to run at the prompt. Several lines are sent one by one, each after the
     * board's {@code >> }. Fails with {@link ConsoleException} when no byte arrives for
     * {@code idleTimeoutMillis} while waiting.
     */
    public CompletableFuture<CommandResult> send(String lua, long idleTimeoutMillis, long nowMillis) {
        return enqueue(new PendingCommand(lua, idleTimeoutMillis, false), nowMillis);
    }

    /**
     * Lua as the user typed it at the console: when the board asks for more after its last line
     * ({@code >> }), that is its answer ({@link CommandResult#wantsMore()}), not a failure, and the next
     * typed line continues the chunk.
     */
    public CompletableFuture<CommandResult> sendTyped(String lua, long idleTimeoutMillis, long nowMillis) {
        return enqueue(new PendingCommand(lua, idleTimeoutMillis, true), nowMillis);
    }

    private CompletableFuture<CommandResult> enqueue(PendingCommand command, long nowMillis) {
        queue.add(command);
        if (current == null) {
            startNext(nowMillis);
        }
        return command.future;
    }

    /** Checks the running command's idle timeout; call every few hundred ms on the session thread. */
    public void tick(long nowMillis) {
        if (current != null && nowMillis - Math.max(lastActivityMillis, current.sentAtMillis) > current.idleTimeoutMillis) {
            fail(ConsoleException.Kind.TIMEOUT, "the board did not answer '" + abbreviate(current.command)
                    + "' within " + current.idleTimeoutMillis + " ms (no prompt came back)", nowMillis);
        }
    }

    /** The link is gone: every waiting command fails, the input stays as received. */
    public void disconnected(String reason, long nowMillis) {
        framer.flush(nowMillis);
        downstream.promptShown(); // nothing more of a dump cut here will come
        promptVisible = false;
        lastPrompt = BoardPrompt.NONE;
        failAll(ConsoleException.Kind.DISCONNECTED, reason, nowMillis);
    }

    /** The end of the input: a partial last line is delivered (a dump cut by an unplug). */
    public void flush(long nowMillis) {
        framer.flush(nowMillis);
    }

    public boolean isBusy() {
        return current != null || !queue.isEmpty();
    }

    /**
     * Nothing of ours is queued or unanswered and the board's last prompt was {@code > }: a line sent now
     * is a chunk of its own, mixed with nothing the user typed.
     */
    public boolean idleAtPrompt() {
        return !isBusy() && lastPrompt == BoardPrompt.READY;
    }

    public BoardPrompt lastPrompt() {
        return lastPrompt;
    }

    /** The board's prompt is the last thing it printed. */
    public boolean promptVisible() {
        return promptVisible;
    }

    public long lastActivityMillis() {
        return lastActivityMillis;
    }

    @Override
    public void line(String text, long lineNumber, long hostMillis) {
        promptVisible = false;
        downstream.line(text, lineNumber, hostMillis);
        listener.lineReceived(text, lineNumber, hostMillis);
        BoardEventDetector.detect(text).ifPresent(event -> boardEvent(new LineEvent(lineNumber, event), hostMillis));
        if (current != null && current.written) {
            // The first line after sending is the board echoing it (after the prompt), not output; what a busy
            // board printed before the echo belongs to whatever it was busy with.
            if (!current.echoSeen && isEcho(text, current.currentLine())) {
                current.echoSeen = true;
            } else if (current.echoSeen || current.promptVisibleAtWrite) {
                current.output.add(text);
            }
        }
    }

    private void boardEvent(LineEvent lineEvent, long hostMillis) {
        listener.boardEvent(lineEvent, hostMillis);
        BoardEvent event = lineEvent.event();
        if (event instanceof BoardEvent.Crash || event instanceof BoardEvent.Banner || event instanceof BoardEvent.Reset
                || event instanceof BoardEvent.Rebooting) {
            lastPrompt = BoardPrompt.NONE; // a rebooting board has no input line until its next prompt
        }
        if (current == null) {
            return;
        }
        if (event instanceof BoardEvent.Crash crash) {
            failAll(ConsoleException.Kind.BOARD_CRASHED, "the board crashed while running '"
                    + abbreviate(current.command) + "': " + crash.reason(), hostMillis);
        } else if (event instanceof BoardEvent.Banner || event instanceof BoardEvent.Reset
                || event instanceof BoardEvent.Rebooting) {
            failAll(ConsoleException.Kind.BOARD_RESET, "the board reset while running '"
                    + abbreviate(current.command) + "'", hostMillis);
        }
    }

    private void promptShown(long hostMillis) {
        promptVisible = true;
        lastPrompt = BoardPrompt.READY;
        downstream.promptShown();
        listener.promptShown(hostMillis);
        if (current != null && current.written && current.lastLineSent()
                && (current.echoSeen || current.promptVisibleAtWrite)) {
            PendingCommand done = current;
            current = null;
            done.future.complete(new CommandResult(done.command, done.output, luaErrorIn(done.output),
                    done.sentAtMillis, hostMillis));
            startNext(hostMillis);
        }
    }

    private void continuationShown(long hostMillis) {
        lastPrompt = BoardPrompt.WANTS_MORE;
        if (current == null || !current.written) {
            return;
        }
        if (current.lastLineSent() && current.typed) {
            if (current.echoSeen) { // else this >> came before our line reached the board
                PendingCommand done = current;
                current = null;
                done.future.complete(new CommandResult(done.command, done.output, null, done.sentAtMillis, hostMillis, true));
                startNext(hostMillis);
            }
            return;
        }
        if (current.lastLineSent()) {
            fail(ConsoleException.Kind.INCOMPLETE_CHUNK, "the board waits for more Lua after '"
                    + abbreviate(current.command) + "' (an unfinished block or string?)", hostMillis);
            return;
        }
        current.lineIndex++;
        current.echoSeen = false;
        promptVisible = true; // the continuation prompt: the board waits for this very line
        write(current, hostMillis);
    }

    private void startNext(long nowMillis) {
        List<PendingCommand> refused = new ArrayList<>();
        current = queue.poll();
        while (current != null && lastPrompt == BoardPrompt.WANTS_MORE && !current.typed) {
            refused.add(current); // written now, it would become part of the user's unfinished chunk
            current = queue.poll();
        }
        if (current != null) {
            write(current, nowMillis);
        }
        for (PendingCommand command : refused) { // after the write: their callbacks may queue more
            command.future.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED,
                    "the board waits for the rest of a Lua chunk typed at the console (it shows >>); finish it"
                            + " there, then '" + abbreviate(command.command) + "' can go"));
        }
    }

    private void write(PendingCommand command, long nowMillis) {
        if (!command.written) {
            command.sentAtMillis = nowMillis;
            command.written = true;
        }
        lastActivityMillis = nowMillis;
        command.promptVisibleAtWrite = promptVisible;
        promptVisible = false;
        try {
            transport.write((command.currentLine() + "\n").getBytes(StandardCharsets.ISO_8859_1));
        } catch (TransportException e) {
            fail(ConsoleException.Kind.WRITE_FAILED, e.getMessage(), nowMillis);
        }
    }

    private void fail(ConsoleException.Kind kind, String message, long nowMillis) {
        PendingCommand failed = current;
        current = null;
        if (failed != null) {
            failed.future.completeExceptionally(new ConsoleException(kind, message));
        }
        startNext(nowMillis);
    }

    private void failAll(ConsoleException.Kind kind, String message, long nowMillis) {
        List<PendingCommand> all = new ArrayList<>();
        if (current != null) {
            all.add(current);
        }
        all.addAll(queue);
        current = null;
        queue.clear();
        for (PendingCommand command : all) {
            command.future.completeExceptionally(new ConsoleException(kind, message));
        }
    }

    private static boolean isEcho(String line, String sent) {
        return line.equals(sent) || line.equals(PROMPT + sent) || line.equals(CONTINUATION_PROMPT + sent)
                || line.equals(PROMPT.strip() + sent);
    }

    private static String luaErrorIn(List<String> output) {
        for (String line : output) {
            if (line.startsWith("Lua error:")) {
                return line.substring("Lua error:".length()).strip();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
    }
}
