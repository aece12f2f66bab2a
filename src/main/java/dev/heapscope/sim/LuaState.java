package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.sim.lib.TraceControl;
import dev.heapscope.sim.lib.BoardContext;
import dev.heapscope.sim.lib.BoardEvents;
import dev.heapscope.sim.lib.WorldListeners;
import dev.heapscope.sim.lib.WorldSettings;
import dev.heapscope.sim.net.VirtualNetwork;
import dev.heapscope.sim.lib.FlashFileSystem;
import dev.heapscope.sim.lib.TmrModule;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import java.io.ByteArrayInputStream;

/**
 * One boot's Lua state: the sandboxed globals, tracker, heap accounting and firmware modules. A
 * reboot closes it and builds a new one. Board thread only.
 */
final class LuaState implements BoardContext {
    private final LuaAllocationTracker tracker = new LuaAllocationTracker();
    private final ErrorDecorator decorator = new ErrorDecorator(tracker);
    private final LuaHeap heap;
    private final Globals globals;
    private final TmrModule tmr;
    private final ConsoleWriter out;
    private final TraceControl trace;
    private final VirtualClock clock;
    private final FlashFileSystem flash;
    private final BoardEvents events;
    private final VirtualNetwork network;
    private final WorldListeners worlds;
    private final BoardOptions options;
    private final FirmwareRefs refs = new FirmwareRefs();
    private final RetentionIndex retention;
    private boolean restartRequested;
    private final CallbackBudget callbackBudget;

    LuaState(BoardMemory memory, TraceControl trace, VirtualClock clock, FlashFileSystem flash, SimulatorSymbols symbols,
             AllocationSites sites, ConsoleWriter out, BoardOptions options, RetentionIndex retention,
             VirtualNetwork network, WorldSettings world) {
        this.events = new BoardEvents(clock);
        this.network = network;
        this.worlds = new WorldListeners(events, world);
        this.retention = retention;
        this.trace = trace;
        this.clock = clock;
        this.flash = flash;
        this.out = out;
        this.options = options;
        this.callbackBudget = new CallbackBudget(options.instructionBudget());
        this.heap = new LuaHeap(memory, symbols, sites, tracker, options.maxChainDepth());
        this.globals = LuaSandbox.create(tracker, heap, decorator, flash, this::print, options.lua());
        heap.attachRoots(globals, refs.boot(globals, options.lua()));
        DebugModule.install(globals, tracker, heap, refs, options);
        this.tmr = new TmrModule(this);
        FirmwareModules.put(globals, globals.get("package").get("loaded").checktable(), "tmr", tmr.table());
        FirmwareModules.install(globals, this, options.lua(), network);
        network.boot(events, world);
    }

    private final LuaValue print = LuaSandbox.function("print", this::print);
    private Varargs print(Varargs args) {
        return ConsolePrint.print(globals, out, args);
    }

    /** The compiler's message for code that does not compile, else null. */
    String syntaxError(byte[] code) {
        try {
            globals.load(new ByteArrayInputStream(code), "=stdin", "t", globals);
            return null;
        } catch (LuaError e) {
            return e.getMessage();
        }
    }

    /** Compiles and runs a chunk under a fresh budget; prints {@code =expr} results and errors as the board. */
    void run(byte[] code, String chunkName) {
        LuaValue chunk;
        try {
            chunk = globals.load(new ByteArrayInputStream(code), chunkName, "t", globals);
        } catch (LuaError e) {
            out.text("Lua error: \t" + ErrorDecorator.rewriteSyntax(e.getMessage()) + "\n");
            return;
        }
        Varargs results = protectedCall(chunk, LuaValue.NONE, options.instructionBudget());
        if (results != null && results.narg() > 0) {
            // l_print's protected call: a failing __tostring or a full heap is a Lua error, not the board's end
            protectedCall(print, results, options.instructionBudget());
        }
    }

    @Override // on the budget its virtual second has left (CallbackBudget)
    public void runCallback(LuaValue function, Varargs arguments) {
        protectedCall(function, arguments, callbackBudget.left(clock.nowMicros()));
        callbackBudget.used(tracker.budgetUsed());
    }

    @Override
    public LuaTable newTable(String cFunction) {
        return BoardTables.empty(heap, cFunction);
    }

    @Override
    public void tableWritten(LuaTable table) {
        heap.tableResized(table);
    }

    private Varargs protectedCall(LuaValue function, Varargs args, long instructions) {
        tracker.startBudget(instructions, options.budgetWallMillis());
        decorator.takeTraceback();
        try {
            return function.invoke(args);
        } catch (LuaError e) {
            String traceback = decorator.takeTraceback();
            out.text("Lua error: \t" + BoardErrorText.of(e) + "\n" + (traceback == null ? "" : traceback + "\n"));
        } catch (BoardRestart e) {
            requestRestart();
        } catch (BoardPanicked e) {
            // The chip is gone: the panic text follows whatever was on the line, then it reboots.
            out.raw(e.getMessage() + e.crashReport());
            requestRestart();
        } catch (TaskWatchdogFired e) { // the chunk held the board past the watchdog's bound: abort and reboot
            out.raw(TaskWatchdogReport.text(clock.nowMicros() / 1000));
            requestRestart();
        } catch (InstructionBudgetExceeded e) {
            out.text("Lua error: \t" + e.getMessage() + "\n" + e.traceback() + "\n");
        } catch (StackOverflowError e) {
            out.text("Lua error: \tstack overflow\n");
        } catch (OutOfMemoryError e) {
            out.text("Lua error: \t" + LuaHeap.NOT_ENOUGH_MEMORY + "\n");
        } catch (RuntimeException e) {
            out.text("Lua error: \t" + BoardErrorText.of(e) + "\n");
        } finally {
            tracker.finishBudget();
            tracker.currentStack().clear();
        }
        return null;
    }

    /** From any thread (closing the board): the running chunk or callback ends at its next budget check. */
    void requestStop() { tracker.requestStop(); }
    ChunkBudget budget() { return tracker.budget(); } // the running chunk's, read by the watchdog thread

    TmrModule timers() { return tmr; }

    /** A scenario describes another world: modules read it from now on, peers re-arm their schedules. */
    void changeWorld(WorldSettings settings) {
        worlds.change(settings);
        network.changeWorld(settings);
    }

    /** When the next timer or event is due, in virtual microseconds, or {@link Long#MAX_VALUE}. */
    long nextDueMicros() {
        return Math.min(tmr.nextDueMicros(), events.nextDueMicros());
    }

    /** Fires what is due now: events first (they arrived before the timer task ran), then timers. */
    void fireDue() {
        events.runDue();
        if (!restartRequested) {
            tmr.fireDue();
        }
    }

    LuaHeap heap() { return heap; }

    boolean restartRequested() {
        return restartRequested;
    }

    void close() {
        out.redirect(null, true);
        heap.releaseEverything();
        releaseStringMetatable();
    }

    /** Gives the JVM-wide string metatable back, unless a newer state took it over (NumberLibraries). */
    void releaseStringMetatable() { dev.heapscope.sim.lua53.NumberLibraries.releaseStringMetatable(globals); }

    @Override
    public VirtualClock clock() { return clock; }

    @Override
    public BoardEvents events() { return events; }

    @Override
    public WorldSettings world() { return worlds.world(); }

    @Override
    public void onWorld(java.util.function.BiConsumer<BoardEvents, WorldSettings> listener) {
        worlds.add(listener);
    }

    @Override
    public TraceControl trace() {
        return trace;
    }

    @Override
    public long freeBytes() {
        return heap.freeBytes();
    }

    @Override
    public void redirectOutput(java.util.function.Consumer<byte[]> sink, boolean serialToo) {
        out.redirect(sink, serialToo);
    }

    @Override
    public void write(String text) {
        out.raw(text);
    }

    @Override
    public String newline() {
        return out.newline();
    }

    @Override
    public void recordRetainingPaths() {
        retention.record(trace.liveRecords(), heap::retainingPaths);
    }

    @Override
    public Appendable dumpSink() {
        return new ConsoleSink(out);
    }

    @Override
    public void requestRestart() {
        restartRequested = true;
    }

    @Override
    public RuntimeException restartNow() {
        tracker.restart();
        throw new BoardRestart();
    }

    @Override
    public LuaUserdata newUserdata(Object payload, int payloadBytes, LuaTable metatable, String cFunction, Runnable gc) {
        TrackedUserdata userdata = new TrackedUserdata(payload, metatable);
        heap.trackUserdata(userdata, payloadBytes, heap.sites.userdataFrom(cFunction), gc);
        return userdata;
    }

    @Override
    public LuaString newString(byte[] bytes, String cFunction) {
        return BoardTables.string(heap, bytes, cFunction);
    }

    @Override
    public LuaTable newTable(LuaTable contents, String cFunction) {
        return BoardTables.filled(heap, contents, cFunction);
    }

    @Override
    public int ref(LuaValue value, String label) {
        return refs.ref(value, label);
    }

    @Override
    public void unref(int ref) {
        refs.unref(ref);
    }

    @Override
    public LuaValue refValue(int ref) {
        return refs.get(ref);
    }

    @Override
    public void ownFirmware(int address, LuaValue owner, String what) {
        heap.ownBlock(address, owner, what);
    }

    @Override
    public LuaError argError(int arg, String function, String message) {
        return ArgErrors.of(tracker.currentStack().top(), arg, function, message);
    }

    @Override
    public int allocateFirmware(int sizeBytes, String... cFrames) {
        return heap.allocateBlock(sizeBytes, heap.sites.firmware(cFrames));
    }

    @Override
    public void freeFirmware(int address, String... cFrames) {
        heap.freeBlock(address, heap.sites.firmware(cFrames));
    }

    @Override
    public FlashFileSystem files() { return flash; }
}
