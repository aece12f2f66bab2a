package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaThread;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;

/**
 * Ends the Java threads of coroutines the board no longer has. LuaJ parks a suspended coroutine's thread and lets
 * it go only once the JVM's own collector has cleared its weak reference to the coroutine, which a script making
 * coroutines in a loop outran: twelve thousand parked threads in forty seconds. When the simulated collector frees
 * a suspended coroutine, the reference is cleared by hand and the thread woken, so LuaJ ends it as an orphan at
 * once; the board thread waits for it, with the freed coroutine as the running one, so that the frames it unwinds
 * leave the shadow stack of the coroutine that held them and nothing runs beside the board thread.
 */
final class CoroutineCarriers {
    /** The longest wait for a woken thread to unwind; one that takes longer ends on its own, unobserved. */
    private static final long JOIN_MILLIS = 1_000;
    private static final MethodHandle WEAK_SELF;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(LuaThread.State.class, MethodHandles.lookup());
            WEAK_SELF = lookup.findGetter(LuaThread.State.class, "lua_thread", WeakReference.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CoroutineCarriers() {
    }

    /** Board thread: ends the Java thread of {@code thread}, freed by the collector, if it is parked in a yield. */
    static void end(TrackedThread thread) {
        LuaThread.State state = thread.state;
        synchronized (state) {
            if (state.status != LuaThread.STATUS_SUSPENDED) {
                return; // never started (no Java thread yet) or already dead
            }
            weakSelf(state).clear();
        }
        Globals globals = thread.globals;
        LuaThread running = globals.running;
        globals.running = thread;
        try {
            synchronized (state) {
                state.notifyAll();
            }
            Thread carrier = thread.carrier;
            if (carrier != null && carrier != Thread.currentThread()) {
                carrier.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            globals.running = running;
        }
    }

    private static WeakReference<?> weakSelf(LuaThread.State state) {
        try {
            return (WeakReference<?>) WEAK_SELF.invoke(state);
        } catch (Throwable e) {
            throw new IllegalStateException("LuaJ's coroutine state changed shape", e);
        }
    }
}
