package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The argument checks of Lua 5.3's auxiliary library ({@code luaL_checklstring}, {@code luaL_checkinteger},
 * {@code luaL_checkany}, ...) with their messages, for one library function.
 */
public final class LibArgs {
    private final ArgErrorReporter reporter;
    private final String function;
    private final boolean int32;

    /** @param int32 lua_Integer is 32 bits (5.3 build); otherwise integers are truncated doubles (5.1) */
    public LibArgs(ArgErrorReporter reporter, String function, boolean int32) {
        this.reporter = reporter;
        this.function = function;
        this.int32 = int32;
    }

    public LuaError error(int arg, String message) {
        return reporter.argError(arg, function, message);
    }

    /** {@code luaL_typeerror}: {@code number expected, got no value}. */
    public LuaError typeError(Varargs args, int arg, String expected) {
        return error(arg, expected + " expected, got " + typeName(args, arg));
    }

    public static String typeName(Varargs args, int arg) {
        return arg > args.narg() ? "no value" : args.arg(arg).typename();
    }

    /** Strings, and numbers converted to strings, as {@code lua_tolstring} takes them. */
    public LuaString checkString(Varargs args, int arg) {
        LuaValue value = args.arg(arg);
        if (value.type() == LuaValue.TSTRING) {
            return (LuaString) value;
        }
        if (value.type() == LuaValue.TNUMBER) {
            return value.strvalue();
        }
        throw typeError(args, arg, "string");
    }

    public LuaString optString(Varargs args, int arg, LuaString absent) {
        return args.arg(arg).isnil() ? absent : checkString(args, arg);
    }

    public long checkInteger(Varargs args, int arg) {
        LuaValue value = args.arg(arg);
        if (!value.isnumber()) {
            throw typeError(args, arg, "number");
        }
        double number = value.todouble();
        if (!int32) {
            return (long) number;
        }
        if (number != Math.floor(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw error(arg, "number has no integer representation");
        }
        return (long) number;
    }

    public long optInteger(Varargs args, int arg, long absent) {
        return args.arg(arg).isnil() ? absent : checkInteger(args, arg);
    }

    public double checkNumber(Varargs args, int arg) {
        LuaValue value = args.arg(arg);
        if (!value.isnumber()) {
            throw typeError(args, arg, "number");
        }
        return value.todouble();
    }

    public void checkAny(Varargs args, int arg) {
        if (arg > args.narg()) {
            throw error(arg, "value expected");
        }
    }

    public void checkTable(Varargs args, int arg) {
        if (!args.arg(arg).istable()) {
            throw typeError(args, arg, "table");
        }
    }

    public void check(boolean condition, int arg, String message) {
        if (!condition) {
            throw error(arg, message);
        }
    }
}
