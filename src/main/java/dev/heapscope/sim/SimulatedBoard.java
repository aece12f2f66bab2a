package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.sim.lib.TraceControl;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.TraceMode;

/**
 * A whole virtual NodeMCU board built from a {@link BoardProfile}: the LuaJ console
 * ({@link VirtualBoard}) over a simulated heap with ESP-IDF heap tracing ({@link TracedHeap}).
 * A reboot ({@code node.restart()}, a panic) gives it a fresh heap and tracer, as on a real chip.
 * The heaptrace hazards the profile enables end in a Guru Meditation panic and a reboot.
 */
public final class SimulatedBoard implements AutoCloseable {
    private final BoardProfile profile;
    private final VirtualClock clock;
    private final VirtualBoard console;
    private TracedHeap heap;

    private SimulatedBoard(BoardProfile profile, BoardOptions options) {
        this.profile = profile;
        this.clock = new VirtualClock(profile.cpuMhz());
        this.heap = TracedHeap.boot(profile, clock);
        this.console = new VirtualBoard(new PanickingMemory(), new PanickingTrace(), clock, options);
        this.console.setResetListener(() -> heap = TracedHeap.boot(profile, clock));
    }

    /**
     * A board of this profile; {@link #console()}{@code .boot()} powers it on. A profile on IDF 4.x is
     * NodeMCU's {@code dev-esp32-idf4-legacy} branch: a Lua 5.1 build whose console ends lines with CRLF.
     */
    public static SimulatedBoard create(BoardProfile profile, BoardOptions options) {
        BoardOptions adapted = options.withIdfVersion(profile.idfVersion())
                .withMaxChainDepth(Math.max(options.maxChainDepth(), profile.stackDepth())).withDebug(profile.luaDebug());
        if (profile.legacyBranch()) {
            adapted = adapted.withLua(LuaRelease.LUA_51).withLineEnding(LineEnding.CRLF);
        }
        return new SimulatedBoard(profile, adapted);
    }

    public static SimulatedBoard create(BoardProfile profile) {
        return create(profile, BoardOptions.defaults());
    }

    public BoardProfile profile() {
        return profile;
    }

    /** The console: bytes in and out, virtual time, the flash file system, the symbol table. */
    public VirtualBoard console() {
        return console;
    }

    /** The heap of the current boot (replaced on every reboot). Board thread only. */
    public TracedHeap heap() {
        return heap;
    }

    /** What {@code node.heap()} would answer, read on the board thread after the input before it; no Lua runs. */
    public java.util.concurrent.CompletableFuture<Long> freeHeapLater() {
        return console.later(() -> heap.freeBytes());
    }

    @Override
    public void close() {
        console.close();
    }

    private void panicIfNeeded() {
        heap.panic().ifPresent(panic -> {
            throw new BoardPanicked(panic);
        });
    }

    /** The current boot's heap, panicking the board when a hazard fired during the call. */
    private final class PanickingMemory implements BoardMemory {
        @Override
        public int allocate(int sizeBytes, CallChain chain) {
            int address = heap.allocate(sizeBytes, chain);
            panicIfNeeded();
            return address;
        }

        @Override
        public void free(int address, CallChain chain) {
            heap.free(address, chain);
        }

        @Override
        public int reallocate(int address, int newSizeBytes, CallChain chain) {
            int moved = heap.reallocate(address, newSizeBytes, chain);
            panicIfNeeded();
            return moved;
        }

        @Override
        public long freeBytes() {
            return heap.freeBytes();
        }
    }

    private final class PanickingTrace implements TraceControl {
        @Override
        public int init(int records) {
            return heap.tracer().init(records);
        }

        @Override
        public int start(TraceMode mode) {
            return heap.tracer().start(mode);
        }

        @Override
        public int stop() {
            return heap.tracer().stop();
        }

        @Override
        public int resume() {
            return heap.tracer().resume();
        }

        @Override
        public void dump(Appendable out) {
            heap.tracer().dump(out);
            panicIfNeeded();
        }

        @Override
        public boolean isTracing() {
            return heap.tracer().isTracing();
        }

        @Override
        public java.util.List<dev.heapscope.model.Record> liveRecords() {
            return heap.tracer().snapshot().records().stream().filter(r -> !r.freed()).toList();
        }
    }
}
