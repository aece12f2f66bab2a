package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;

/**
 * A closure the script made, knowing its slot in {@link LuaObjects}: swapped in for the plain closure
 * {@code OP_CLOSURE} made, sharing its prototype and upvalue cells. Behaves exactly as a {@link LuaClosure}.
 */
final class TrackedClosure extends LuaClosure {
    int slot = -1;

    TrackedClosure(LuaClosure made, Globals globals) {
        super(made.p, globals);
        this.upValues = made.upValues;
    }
}
