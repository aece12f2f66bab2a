package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a table's float values floats. LuaJ stores a number under a non-integer key as a bare double
 * and reads it back through {@code LuaValue.valueOf(double)}, which turns {@code 2.0} into the integer
 * {@code 2} (and, assigning a numeric string over a number, stores the number). A table that owns one of
 * these remembers which keys hold an integral float and hands the float back; it is only looked up,
 * never iterated, so it cannot change the board's determinism.
 */
public final class NumberSlots {
    private Map<Object, LuaValue> integralFloats;

    /** Call before {@code LuaTable.hashset(key, value)}; true when LuaJ must first forget the old number. */
    public boolean storing(LuaTable table, LuaValue key, LuaValue value) {
        boolean keep = value instanceof Float32 f && f.isinttype();
        if (keep) {
            if (integralFloats == null) {
                integralFloats = new HashMap<>();
            }
            integralFloats.put(mapKey(key), value);
        } else if (integralFloats != null) {
            integralFloats.remove(mapKey(key));
        }
        return value.type() == LuaValue.TSTRING && table.rawget(key).type() == LuaValue.TNUMBER;
    }

    /** What a read of {@code key} returns, given what LuaJ read. */
    public LuaValue read(LuaValue key, LuaValue stored) {
        if (integralFloats == null || !(stored instanceof LuaInteger)) {
            return stored;
        }
        LuaValue f = integralFloats.get(mapKey(key));
        return f != null && f.raweq(stored) ? f : stored;
    }

    public Varargs next(Varargs entry) {
        if (integralFloats == null) {
            return entry;
        }
        LuaValue value = entry.arg(2);
        LuaValue fixed = read(entry.arg1(), value);
        return fixed == value ? entry : LuaValue.varargsOf(entry.arg1(), fixed);
    }

    private static Object mapKey(LuaValue key) {
        return key instanceof LuaNumber ? (Object) Double.valueOf(key.todouble()) : key;
    }
}
