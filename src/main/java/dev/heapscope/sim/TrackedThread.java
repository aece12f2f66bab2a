package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;

/** A coroutine the script made, knowing its slot in {@link LuaObjects}. */
final class TrackedThread extends LuaThread {
    int slot = -1;

    TrackedThread(Globals globals, LuaValue body) {
        super(globals, body);
    }
}
