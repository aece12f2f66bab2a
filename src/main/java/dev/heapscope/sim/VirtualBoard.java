package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.sim.lib.TraceControl;
import dev.heapscope.sim.lib.FlashFileSystem;
import dev.heapscope.sim.lib.WorldSettings;
import dev.heapscope.sim.net.VirtualNetwork;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A simulated NodeMCU ESP32 board: LuaJ runs its REPL and firmware modules on one board thread, over
 * the given heap, heap tracer and clock, and it speaks the console bytes of a real board. Input may
 * come from any thread ({@link #receive}); output goes to the listeners, on the board thread.
 */
public final class VirtualBoard implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VirtualBoard.class.getName());
    private static final long VIRTUAL_MICROS_PER_LINE = 1_000;
    private static final long CLOSE_GRACE_MILLIS = 300; // then a chunk stuck in a call is abandoned: sim stops in 1 s

    private final BoardMemory memory;
    private final TraceControl trace;
    private final VirtualClock clock;
    private final BoardOptions options;
    private final SimulatorSymbols symbols = new SimulatorSymbols();
    private final AllocationSites sites = new AllocationSites(symbols);
    private final FlashFileSystem flash = new FlashFileSystem();
    private final RetentionIndex retention = new RetentionIndex();
    private final VirtualNetwork network = new VirtualNetwork();
    private volatile WorldSettings world = WorldSettings.NONE;
    private final List<ConsoleOutput> outputs = new CopyOnWriteArrayList<>();
    private final ConsoleWriter out;
    private final LuaRepl repl;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final BoardThread thread = new BoardThread(tasks, BoardThread.loop(this::pollMillis, this::afterTask,
            this::sayInternalError));
    private final BoardCalls calls = new BoardCalls(thread, tasks);
    private final BoardWatchdog watchdog;
    private volatile Runnable resetListener = () -> { };
    private volatile LuaState state; // read by close() from any thread
    private long lastWallNanos;
    private boolean inReplLine;
    private int snapshots;

    public VirtualBoard(BoardMemory memory, TraceControl trace, VirtualClock clock, BoardOptions options) {
        this.memory = BoardFence.memory(memory, thread);
        this.trace = BoardFence.trace(trace, thread);
        this.clock = clock;
        this.options = options;
        this.out = new ConsoleWriter(outputs, options.lineEnding());
        out.fence(thread::checkLive);
        this.repl = new LuaRepl(out, new LuaRepl.Evaluator() {
            @Override
            public String syntaxError(byte[] code) { return state.syntaxError(code); }

            @Override
            public void run(byte[] code) {
                inReplLine = true;
                try {
                    runChunk(code, "=stdin");
                } finally {
                    inReplLine = false;
                }
            }
        });
        this.watchdog = new BoardWatchdog(() -> state, thread, this::rebootAfterWatchdog, options);
        BuiltInPeers.install(network);
    }

    public void addOutputListener(ConsoleOutput output) {
        outputs.add(output);
    }

    public void removeOutputListener(ConsoleOutput output) {
        outputs.remove(output);
    }

    /** Called on each reboot (after {@code node.restart()}), so the owner can reset heap and tracer. */
    public void setResetListener(Runnable listener) {
        this.resetListener = listener == null ? () -> { } : listener;
    }

    /** The symbol table of this board's firmware functions and Lua frames. */
    public SimulatorSymbols symbols() {
        return symbols;
    }

    /** What held each live record's block when this board printed it in a dump (Lua reachability). */
    public RetentionIndex heldBy() {
        return retention;
    }

    public FlashFileSystem files() {
        return flash;
    }

    /** The virtual network the board's radio reaches (its peers outlive reboots). */
    public VirtualNetwork network() {
        return network;
    }

    /** The world a scenario's header describes ({@code world.*}); modules read it at each boot. */
    public void setWorld(WorldSettings settings) {
        WorldSettings changed = settings == null ? WorldSettings.NONE : settings;
        this.world = changed; // what the next boot reads
        if (thread.isAlive()) {
            call(() -> java.util.Optional.ofNullable(state).ifPresent(booted -> booted.changeWorld(changed)));
        }
    }

    /** Powers the board on: boot lines, banner, init.lua, first prompt. Returns when the prompt is out. */
    public void boot() {
        if (!thread.isAlive()) {
            lastWallNanos = System.nanoTime();
            thread.start();
            watchdog.start();
        }
        call(() -> startLua(false));
    }

    /** The EN button (or an RTS pulse): the board reboots from power-on, losing every Lua and trace state. */
    public void pressReset() {
        tasks.add(() -> {
            if (state != null) {
                reboot(false);
            }
        });
    }

    /** Bytes received on the console UART; thread-safe, processed in order on the board thread. */
    public void receive(byte[] data) {
        byte[] copy = data.clone();
        tasks.add(() -> {
            if (state == null) {
                return; // nothing listens before power-on
            }
            for (byte b : copy) {
                repl.receive(b);
                if (state.restartRequested()) {
                    reboot(true);
                }
            }
        });
    }

    /** Runs virtual time forward by {@code millis}, firing due timers in order; returns when done. */
    public void runVirtualTime(long millis) {
        call(() -> advanceTo(clock.nowMicros() + millis * 1000L));
    }

    /** Stores a script in the flash file system. */
    public void loadScript(String name, String text) {
        flash.write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a file from flash as {@code dofile} would, printing its output and errors; returns when done. */
    public void executeFile(String name) {
        call(() -> {
            byte[] code = flash.read(name).orElse(null);
            if (code == null) {
                out.text("Lua error: \tcannot open " + name + "\n");
            } else {
                runChunk(code, "@" + name);
            }
        });
    }

    /** Waits until every byte received so far has been handled. */
    public void awaitIdle() {
        call(() -> { });
    }

    /**
     * A heap snapshot: a full collection (as {@code collectgarbage()}; finalizers run, garbage is freed and
     * traced as freed), then every live Lua object with the path that holds it. Waits for the board.
     */
    public dev.heapscope.model.HeapSnapshot snapshot(String label) {
        return callValue(() -> state.heap().snapshot(++snapshots, label, clock.nowMicros()));
    }

    /** The board's own names of its registry references ({@code luaL_ref} number → {@code tmr#1 callback}). */
    public java.util.Map<Integer, String> firmwareRefs() { return callValue(() -> state.heap().firmwareRefs()); }

    /** Live Lua objects the board tracks, and their simulated bytes (for tests and status lines). */
    public long luaBytesInUse() {
        return callValue(() -> state.heap().liveBytes());
    }

    @Override
    public void close() {
        if (state != null) { state.requestStop(); } // a chunk still running ends at its next budget check
        watchdog.stop();
        thread.stop(CLOSE_GRACE_MILLIS);
        if (state != null) { state.releaseStringMetatable(); }
    }

    private void startLua(boolean softwareReset) {
        out.raw(BootLog.lines(options, softwareReset));
        state = new LuaState(memory, trace, clock, flash, symbols, sites, out, options, retention, network, world);
        out.text(BootLog.banner(options));
        if (flash.exists("init.lua")) {
            runChunk(flash.read("init.lua").orElseThrow(), "@init.lua");
        } else {
            out.text("cannot open init.lua: No such file or directory\n"); // lua.c prints it without "Lua error:"
        }
        repl.reset();
        if (!inReplLine) {
            repl.prompt(); // else the REPL prompts when the line that rebooted returns
        }
    }

    private void runChunk(byte[] code, String chunkName) {
        state.run(code, chunkName);
        thread.checkLive(); // a chunk that came back after the watchdog gave up on its thread goes no further
        if (!options.realTime()) {
            clock.advanceMicros(VIRTUAL_MICROS_PER_LINE);
        }
        if (state.restartRequested()) {
            reboot(true);
        }
    }

    private void reboot(boolean softwareReset) {
        state.close();
        resetListener.run();
        clock.reset();
        startLua(softwareReset);
    }

    private void advanceTo(long targetMicros) {
        while (true) {
            long due = state.nextDueMicros();
            if (due > targetMicros) {
                break;
            }
            if (due > clock.nowMicros()) {
                clock.advanceMicros(due - clock.nowMicros());
            }
            LuaState firing = state;
            firing.fireDue();
            thread.checkLive();
            if (firing.restartRequested()) {
                reboot(true);
                return;
            }
        }
        if (targetMicros > clock.nowMicros()) {
            clock.advanceMicros(targetMicros - clock.nowMicros());
        }
    }

    private long pollMillis() {
        if (!options.realTime()) {
            return 1_000;
        }
        long due = state == null ? Long.MAX_VALUE : state.nextDueMicros();
        long waitMicros = due == Long.MAX_VALUE ? 50_000 : Math.max(0, due - clock.nowMicros());
        return Math.max(1, Math.min(50, waitMicros / 1000));
    }

    /** After each task on the board thread: a real-time board fires the timers that came due meanwhile. */
    private void afterTask() {
        if (options.realTime() && state != null) {
            long now = System.nanoTime();
            long elapsedMicros = (now - lastWallNanos) / 1_000;
            lastWallNanos = now;
            advanceTo(clock.nowMicros() + elapsedMicros);
        }
    }

    private void sayInternalError(Throwable logged) { out.text("Lua error: \t" + BoardErrorText.INTERNAL + "\n"); }

    /** On the thread that replaced one stuck in {@code stuck}'s chunk: the abort text, then a fresh boot. */
    private void rebootAfterWatchdog(LuaState stuck) {
        out.raw(TaskWatchdogReport.text(clock.nowMicros() / 1000));
        try {
            stuck.close(); // the stuck thread is fenced off and touches no heap in the call it is stuck in
        } catch (RuntimeException raced) {
            LOG.log(System.Logger.Level.WARNING, "releasing the stuck boot's heap failed: " + raced);
        }
        resetListener.run();
        clock.reset();
        inReplLine = false;
        startLua(true);
    }

    private void call(Runnable action) { calls.call(action); }

    private <T> T callValue(java.util.function.Supplier<T> action) { return calls.callValue(action); }

    /** Runs {@code action} on the board thread after the tasks queued before it; completes there. */
    public <T> CompletableFuture<T> later(java.util.function.Supplier<T> action) {
        return calls.later(action);
    }
}
