package dev.heapscope.sim;

import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/** A firmware module's userdata (a timer, a file), knowing its slot in {@link LuaObjects}. */
final class TrackedUserdata extends LuaUserdata {
    int slot = -1;

    TrackedUserdata(Object payload, LuaValue metatable) {
        super(payload, metatable);
    }
}
