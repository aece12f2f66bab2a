package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The network modules' C functions as named Lua functions, and the lauxlib argument checks they make
 * ({@code luaL_checkinteger}, {@code luaL_checklstring}, {@code luaL_checktable}, ...) with the board's messages.
 */
final class LuaArgs {
    interface Body {
        Varargs call(Varargs args);
    }

    private LuaArgs() {
    }

    static void put(LuaTable table, String functionName, Body body) {
        table.set(functionName, new VarArgFunction() {
            {
                this.name = functionName; // the inherited field would shadow a parameter called name
            }

            @Override
            public Varargs invoke(Varargs args) {
                return body.call(args);
            }
        });
    }

    private static String got(Varargs args, int index) {
        return index > args.narg() ? "no value" : args.arg(index).typename();
    }

    /** luaL_checkinteger on the 32-bit integer build. */
    static int checkInteger(BoardContext board, Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isnumber()) {
            throw board.argError(index, function, "number expected, got " + got(args, index));
        }
        return integerOf(board, value.todouble(), index, function);
    }

    static int integerOf(BoardContext board, double number, int index, String function) {
        if (number != Math.rint(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw board.argError(index, function, "number has no integer representation");
        }
        return (int) number;
    }

    /** luaL_optinteger: nil or absent gives the default. */
    static int optInteger(BoardContext board, Varargs args, int index, String function, int fallback) {
        return args.arg(index).isnil() ? fallback : checkInteger(board, args, index, function);
    }

    /** luaL_checklstring: numbers are strings too. */
    static String checkString(BoardContext board, Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isstring()) {
            throw board.argError(index, function, "string expected, got " + got(args, index));
        }
        return value.tojstring();
    }

    static LuaTable checkTable(BoardContext board, Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.istable()) {
            throw board.argError(index, function, "table expected, got " + got(args, index));
        }
        return value.checktable();
    }

    static LuaValue checkFunction(BoardContext board, Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isfunction()) {
            throw board.argError(index, function, "function expected, got " + got(args, index));
        }
        return value;
    }

    /** A field of a config table read as lauxlib reads a stack slot ({@code lua_getfield} then a check). */
    static String fieldString(LuaTable table, String key, String fallback, String function) {
        LuaValue value = table.get(key);
        if (value.isnil()) {
            if (fallback != null) {
                return fallback;
            }
            throw new LuaError("bad argument #-1 to '" + function + "' (string expected, got nil)");
        }
        if (!value.isstring()) {
            throw new LuaError("bad argument #-1 to '" + function + "' (string expected, got " + value.typename() + ")");
        }
        return value.tojstring();
    }

    static int fieldInteger(LuaTable table, String key, int fallback, String function) {
        LuaValue value = table.get(key);
        if (value.isnil()) {
            return fallback;
        }
        if (!value.isnumber()) {
            throw new LuaError("bad argument #-1 to '" + function + "' (number expected, got " + value.typename() + ")");
        }
        double number = value.todouble();
        if (number != Math.rint(number)) {
            throw new LuaError("bad argument #-1 to '" + function + "' (number has no integer representation)");
        }
        return (int) number;
    }

    /** luaL_error: a plain message (the position prefix is the board's error decoration, added by the caller's frame). */
    static LuaError error(String message) {
        return new LuaError(message);
    }
}
