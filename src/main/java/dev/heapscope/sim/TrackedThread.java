package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;

/** A coroutine the script made, knowing its slot in {@link LuaObjects} and the Java thread that carries it. */
final class TrackedThread extends LuaThread {
    int slot = -1;
    /** The Java thread LuaJ started for it, seen when it last yielded; null before. */
    volatile Thread carrier;
    final Globals globals;

    TrackedThread(Globals globals, LuaValue body) {
        super(globals, body);
        this.globals = globals;
    }
}
