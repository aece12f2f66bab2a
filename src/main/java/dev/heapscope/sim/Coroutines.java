package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.util.function.BiConsumer;

/**
 * The board's {@code coroutine} library over LuaJ's. Each LuaJ coroutine runs on a Java thread of its own, so a
 * coroutine costs the host far more than its {@code lua_State} costs the board: it is claimed from the simulated
 * heap when made ({@link LuaSizes#LUA_STATE}), its Java thread is ended when the collector frees it
 * ({@link CoroutineCarriers}), and each switch to it is charged to the budget ({@link #WORK_PER_RESUME}), since
 * handing the host's CPU from one thread to another costs about what a thousand instructions do.
 */
final class Coroutines {
    /** Instruction equivalents per resume: a Java thread hand-off, measured at 10 to 40 µs against a plain loop. */
    static final int WORK_PER_RESUME = 1_000;
    /**
     * More for the first resume, which starts the coroutine's Java thread (and its end, joined when the collector
     * frees it): a loop making and resuming coroutines took 380 µs per coroutine, about 12,000 instructions.
     */
    static final int WORK_PER_THREAD_START = 10_000;

    private Coroutines() {
    }

    static void install(Globals globals, LuaHeap heap, LuaAllocationTracker tracker, ErrorDecorator decorator) {
        LuaTable coroutine = globals.get("coroutine").checktable();
        coroutine.set("create", LuaSandbox.function("create", args -> {
            LuaValue body = args.arg1();
            if (!body.isfunction()) {
                throw new LuaError("bad argument #1 to 'create' (function expected, got "
                        + (args.narg() == 0 ? "no value" : body.typename()) + ")");
            }
            TrackedThread thread = new TrackedThread(globals, body);
            thread.errorfunc = decorator;
            heap.trackThread(thread);
            return thread;
        }));
        LuaValue resume = coroutine.get("resume");
        coroutine.set("resume", LuaSandbox.function("resume", args -> {
            tracker.spend(resumeWork(args.arg1()));
            return resume.invoke(args);
        }));
        LuaValue yield = coroutine.get("yield");
        coroutine.set("yield", LuaSandbox.function("yield", args -> {
            if (globals.running instanceof TrackedThread thread) {
                thread.carrier = Thread.currentThread(); // the thread to wait for when the collector ends it
            }
            return yield.invoke(args);
        }));
        coroutine.set("wrap", LuaSandbox.function("wrap", args -> {
            LuaThread thread = (LuaThread) coroutine.get("create").call(args.checkfunction(1));
            return new WrappedCoroutine(thread, tracker);
        }));
    }

    private static long resumeWork(LuaValue coroutine) {
        boolean starts = coroutine instanceof LuaThread thread && thread.state.status == LuaThread.STATUS_INITIAL;
        return starts ? WORK_PER_RESUME + WORK_PER_THREAD_START : WORK_PER_RESUME;
    }

    /** {@code coroutine.wrap}'s function: a C closure whose upvalue is the coroutine, so it keeps it alive. */
    private static final class WrappedCoroutine extends VarArgFunction implements LuaReferences {
        private final LuaThread thread;
        private final LuaAllocationTracker tracker;

        WrappedCoroutine(LuaThread thread, LuaAllocationTracker tracker) {
            this.thread = thread;
            this.tracker = tracker;
            this.name = "wrapped";
        }

        @Override
        public Varargs invoke(Varargs args) {
            tracker.spend(resumeWork(thread));
            Varargs result = thread.resume(args);
            if (result.arg1().toboolean()) {
                return result.subargs(2);
            }
            throw new LuaError(result.arg(2));
        }

        @Override
        public void references(BiConsumer<LuaValue, String> visitor) {
            visitor.accept(thread, "wrapped coroutine");
        }
    }
}
