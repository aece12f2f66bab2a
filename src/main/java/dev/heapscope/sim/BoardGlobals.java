package dev.heapscope.sim;

import dev.heapscope.sim.lua53.NumberSlots;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The globals table, keeping float values floats ({@link NumberSlots}): {@code x = 2.0} prints {@code 2.0}. */
final class BoardGlobals extends Globals {
    private final NumberSlots numbers = new NumberSlots();

    @Override
    public void hashset(LuaValue key, LuaValue value) {
        if (numbers.storing(this, key, value)) {
            super.hashset(key, NIL);
        }
        super.hashset(key, value);
    }

    @Override
    protected LuaValue hashget(LuaValue key) {
        return numbers.read(key, super.hashget(key));
    }

    @Override
    public Varargs next(LuaValue key) {
        return numbers.next(super.next(key));
    }
}
