package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.TraceMode;
import dev.heapscope.transport.Transport;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A profiling session with one board: the {@code heaptrace} verbs, a state machine that mirrors the
 * board's (refusing the verbs known to crash boards), every dump parsed as it arrives, heap polls,
 * markers and the raw transcript of every byte.
 *
 * <p>All state lives on one session thread ({@link SessionCore}); the methods here may be called from
 * any thread and return futures completed on the session thread. Listeners are called on the session
 * thread.
 */
public final class ProfilingSession implements AutoCloseable {
    static final int CONSOLE_LINE_LIMIT = 255;

    private final SessionCore core;

    public ProfilingSession(Transport transport, SessionOptions options) {
        this.core = new SessionCore(transport, options);
    }

    /**
     * After the board is lost (cable pulled), tries every {@code everyMillis} to open a fresh link from
     * {@code factory} (the same port, once it is back), and goes on where it left off once the board shows
     * its prompt there.
     */
    public void reconnectWith(Supplier<Transport> factory, long everyMillis) {
        core.reconnectWith(factory, everyMillis);
    }

    public void addListener(SessionListener listener) {
        core.addListener(listener);
    }

    /** Opens the link; bytes start flowing into the session. */
    public CompletableFuture<Void> connect() {
        return core.connect();
    }

    /** Waits until the board shows its prompt; when nothing arrives for a moment, an empty line asks for one. */
    public CompletableFuture<Void> awaitPrompt(long timeoutMillis) {
        return core.awaitPrompt(timeoutMillis);
    }

    public CompletableFuture<CommandResult> init(int records) {
        return core.commands().init(records);
    }

    public CompletableFuture<CommandResult> start(TraceMode mode) {
        return core.commands().start(mode);
    }

    public CompletableFuture<CommandResult> stop() {
        return core.commands().stop();
    }

    public CompletableFuture<CommandResult> resume() {
        return core.commands().resume();
    }

    /** Runs {@code collectgarbage()} so garbage is not mistaken for leaks. */
    public CompletableFuture<CommandResult> collectGarbage() {
        return core.commands().collectGarbage();
    }

    /**
     * Two full collections in one line: Lua 5.3 frees an object with a {@code __gc} (a socket, a JSON
     * decoder, a timer) and what it holds only in the collection after the one that finalized it, so after a
     * single {@code collectgarbage()} that garbage would still be live in a dump, a false leak.
     */
    public CompletableFuture<CommandResult> collectGarbageFully() {
        return core.commands().collectGarbageFully();
    }

    /** Prints a dump and completes with it once parsed. */
    public CompletableFuture<Dump> dump() {
        return core.commands().dump();
    }

    /** Polls {@code node.heap()} once. */
    public CompletableFuture<HeapSample> pollHeap() {
        return core.polling().pollNow();
    }

    /** Polls the heap every {@code intervalMillis} while the console is idle; 0 stops polling. */
    public void pollHeapEvery(long intervalMillis) {
        core.polling().pollEvery(intervalMillis);
    }

    /**
     * Holds scheduled polls that run Lua until {@link #releaseLuaPolls()}: a guided hunt's dumps must not
     * hold a poll's own garbage (one landing between its last collection and {@code stop()} would be a record
     * no one freed, a false leak). Polls that read the virtual board's counter run no Lua and go on.
     */
    public void holdLuaPolls() {
        core.thread().execute(() -> core.polling().hold(true));
    }

    public void releaseLuaPolls() {
        core.thread().execute(() -> core.polling().hold(false));
    }

    /**
     * Any Lua line(s), as typed at the console. Lines over NodeMCU's 255 characters are refused; heaptrace
     * verbs typed whole are sent as typed (even the ones the toolbar refuses) and followed like the toolbar's.
     */
    public CompletableFuture<CommandResult> execute(String lua) {
        return core.commands().execute(lua, lineTooLong(lua));
    }

    /**
     * A line the user typed at the console, sent as {@link #execute} sends it, except that the board answering
     * {@code >>} (an unfinished chunk) is not a failure: the result {@link CommandResult#wantsMore() wants more},
     * the next typed line continues the chunk, and until it is complete heap polls wait and other commands are
     * refused rather than glued to it.
     */
    public CompletableFuture<CommandResult> typed(String lua) {
        return core.commands().typed(lua, lineTooLong(lua));
    }

    /** Switches the board's console speed with {@code uart.setup} and follows it. */
    public CompletableFuture<CommandResult> changeBaudRate(int baudRate) {
        return core.commands().changeBaudRate(baudRate);
    }

    /** The console speed the link runs at now (after any switch); what a pseudo-terminal says it runs at. */
    public int baudRate() {
        return core.link().baudRate();
    }

    /** Pulses the board's reset line; fails when the link has none (a pseudo-terminal). */
    public CompletableFuture<Void> resetBoard() {
        return core.commands().resetBoard();
    }

    /** Asks the firmware whether it has the heaptrace module, and which dump dialect to expect. */
    public CompletableFuture<FirmwareCheck> checkFirmware() {
        return core.commands().checkFirmware();
    }

    /** A consistent copy of everything the session holds, for views, exports and tests. */
    public CompletableFuture<SessionSnapshot> snapshot() {
        return core.snapshot();
    }

    /** Every byte the board sent so far, in order. */
    public CompletableFuture<byte[]> transcript() {
        return core.transcript();
    }

    @Override
    public void close() {
        core.close();
    }

    private static String lineTooLong(String lua) {
        String[] lines = lua.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > CONSOLE_LINE_LIMIT) {
                return "line " + (i + 1) + " of the Lua is " + lines[i].length() + " characters; NodeMCU's console keeps "
                        + "at most " + CONSOLE_LINE_LIMIT + " (it would silently drop the start). Split it into "
                        + "shorter lines or upload it as a file.";
            }
        }
        return null;
    }
}
