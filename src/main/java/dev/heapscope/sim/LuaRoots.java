package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaThread;

/**
 * Where marking starts, as in Lua 5.3's {@code markroot} and atomic phase: the globals table, the
 * registry (here: what the firmware modules hold with {@code luaL_ref}), the string metatable, the
 * running coroutine's and the main thread's frames, and objects a library call is still making. The
 * order is fixed, so ties between equally short retaining paths always go the same way. Board thread only.
 */
final class LuaRoots {
    static final String LIBRARY_CALL = "in a library call";

    private final Globals globals;
    private final LuaThread mainThread;
    private final FirmwareRefs refs;
    private final LuaObjects objects;

    LuaRoots(Globals globals, FirmwareRefs refs, LuaObjects objects) {
        this.globals = globals;
        this.mainThread = globals.running;
        this.refs = refs;
        this.objects = objects;
    }

    /** Marks every root; {@code topLimit} >= 0 when the running frame is at a step right after making an object there. */
    void markAll(HeapMarker marker, int topLimit) {
        marker.markRoot(globals, "_G");
        refs.forEach(marker::markRoot);
        if (LuaString.s_metatable != null) {
            marker.markRoot(LuaString.s_metatable, "string metatable");
        }
        LuaThread running = globals.running;
        marker.frames().setRunning(running, topLimit);
        if (running != mainThread) {
            marker.markRoot(running, "running coroutine");
        }
        marker.frames().markFrames(mainThread, -1);
        for (int i = 0; i < objects.youngCount(); i++) {
            marker.markSlotRoot(objects.youngSlot(i), LIBRARY_CALL);
        }
        // last, so what the firmware refs, _G and the frames hold keeps its own names; this adds what a
        // script stored in the registry itself (debug.getregistry())
        marker.markRoot(refs.registry(), "registry");
    }
}
