package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The lauxlib checks the mqtt and http client modules make, worded as the board's Lua 5.3 words them
 * ({@code luaL_checkudata}, {@code luaL_checkstring}, {@code luaL_checkinteger}, {@code luaL_checkoption}),
 * numbered through {@link BoardContext#argError} so a method call counts from its first argument.
 */
final class ClientArgs {
    interface Body {
        Varargs call(Varargs args);
    }

    private ClientArgs() {
    }

    /** A named Java function for a module or method table. */
    static void put(LuaTable table, String name, Body body) {
        table.set(name, new Named(name, body));
    }

    private static final class Named extends VarArgFunction {
        private final Body body;

        Named(String functionName, Body body) {
            this.name = functionName; // the name tracebacks and error messages show
            this.body = body;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return body.call(args);
        }
    }

    /** A function that calls {@code function} with {@code args}: what {@code luaL_pcallx(L, n, 0)} runs. */
    static LuaValue callWith(LuaValue function, Varargs args) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs ignored) {
                function.invoke(args);
                return NONE;
            }
        };
    }

    static String got(Varargs args, int index) {
        return index > args.narg() ? "no value" : args.arg(index).typename();
    }

    /** {@code luaL_checkudata(L, index, tname)}: the payload of our userdata, else "tname expected, got x". */
    static <T> T checkUdata(BoardContext board, Varargs args, int index, String function, String tname,
                            LuaTable metatable, Class<T> type) {
        LuaValue value = args.arg(index);
        if (value instanceof LuaUserdata userdata && userdata.getmetatable() == metatable
                && type.isInstance(userdata.m_instance)) {
            return type.cast(userdata.m_instance);
        }
        throw board.argError(index, function, tname + " expected, got " + got(args, index));
    }

    static org.luaj.vm2.LuaString checkString(BoardContext board, Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isstring()) {
            throw board.argError(index, function, "string expected, got " + got(args, index));
        }
        return value.checkstring(); // a number becomes its string, as lua_tolstring converts in place
    }

    /** {@code luaL_checkinteger} of the 32-bit integer build: 1.5 has no integer representation. */
    static int checkInteger(BoardContext board, Varargs args, int index, String function) {
        double number = checkNumber(board, args, index, function);
        if (number != Math.rint(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw board.argError(index, function, "number has no integer representation");
        }
        return (int) number;
    }

    static double checkNumber(BoardContext board, Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isnumber()) {
            throw board.argError(index, function, "number expected, got " + got(args, index));
        }
        return value.todouble();
    }

    /** {@code luaL_checkoption}: the index of the name in {@code options}, {@code fallback} when absent (null: required). */
    static int checkOption(BoardContext board, Varargs args, int index, String function, String fallback,
                           String... options) {
        String name;
        if (args.arg(index).isnil() && fallback != null) {
            name = fallback;
        } else {
            name = checkString(board, args, index, function).tojstring();
        }
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals(name)) {
                return i;
            }
        }
        throw board.argError(index, function, "invalid option '" + name + "'");
    }

    /** {@code lua_isnumber}: a number or a string that converts to one. */
    static boolean isNumber(LuaValue value) {
        return value.isnumber();
    }
}
