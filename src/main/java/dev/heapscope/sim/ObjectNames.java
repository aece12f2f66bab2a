package dev.heapscope.sim;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code tostring} of tables, functions, userdata and threads as the board prints them
 * ({@code luaL_tolstring}: {@code __name} or the type, then {@code %p}), with the object's address in the
 * simulated heap instead of LuaJ's identity hash: the same script prints the same text, and allocates a
 * string of the same length, in every run.
 */
final class ObjectNames {
    private ObjectNames() {
    }

    static Varargs tostring(LuaHeap heap, LuaValue luajToString, Varargs args) {
        LuaValue value = args.arg1();
        LuaValue metatable = value.getmetatable();
        if (metatable != null && !metatable.rawget("__tostring").isnil()) {
            return luajToString.invoke(args);
        }
        return switch (value.type()) {
            case LuaValue.TTABLE, LuaValue.TFUNCTION, LuaValue.TUSERDATA, LuaValue.TTHREAD -> {
                LuaValue name = metatable == null ? LuaValue.NIL : metatable.rawget("__name");
                String kind = name.type() == LuaValue.TSTRING ? name.tojstring() : value.typename();
                yield LuaValue.valueOf(kind + ": 0x" + Integer.toHexString(heap.pointerOf(value)));
            }
            default -> luajToString.invoke(args);
        };
    }
}
