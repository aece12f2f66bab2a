package dev.heapscope.sim;

import dev.heapscope.sim.lib.LuaNumbers;
import dev.heapscope.sim.lua53.DoubleOnly;
import dev.heapscope.sim.lua53.Int32SingleFloat;
import dev.heapscope.sim.lua53.NumberModel;
import org.luaj.vm2.LuaValue;

/** The firmware modules' view of the board's number model ({@code sim.lib} cannot see {@code sim.lua53}). */
final class BoardNumbers implements LuaNumbers {
    private final NumberModel model;

    private BoardNumbers(NumberModel model) {
        this.model = model;
    }

    static LuaNumbers of(LuaRelease lua) {
        return new BoardNumbers(lua == LuaRelease.LUA_51 ? DoubleOnly.INSTANCE : Int32SingleFloat.INSTANCE);
    }

    @Override
    public LuaValue integer(long value) {
        return model.integer(value);
    }

    @Override
    public LuaValue floating(double value) {
        return model.floating(value);
    }

    @Override
    public boolean hasIntegers() {
        return model.hasIntegerOperators();
    }
}
