package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** A named Java function for a module table, and the argument checks the board's C modules make. */
final class Fn extends VarArgFunction {
    interface Body {
        Varargs call(Varargs args);
    }

    private final Body body;

    private Fn(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    static Fn of(String name, Body body) {
        return new Fn(name, body);
    }

    static void put(LuaTable table, String name, Body body) {
        table.set(name, of(name, body));
    }

    @Override
    public Varargs invoke(Varargs args) {
        return body.call(args);
    }

    /**
     * {@code luaL_checkinteger} of the board's 5.3 build (32-bit integers), with its messages:
     * {@code bad argument #1 to 'init' (number expected, got no value)}, {@code (number has no integer
     * representation)} for 1.5 or a number beyond 32 bits (lauxlib.c, FIRMWARE-FACTS.md §B).
     */
    static int checkInt(Varargs args, int index, String function) {
        return checkInteger(null, args, index, function);
    }

    /** As {@link #checkInt}, numbered as the board numbers a method's arguments when {@code board} is given. */
    static int checkInteger(BoardContext board, Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isnumber()) {
            String got = index > args.narg() ? "no value" : value.typename();
            throw argError(board, index, function, "number expected, got " + got);
        }
        double number = value.todouble();
        if (number != Math.rint(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw argError(board, index, function, "number has no integer representation");
        }
        return (int) number;
    }

    private static LuaError argError(BoardContext board, int index, String function, String message) {
        return board != null ? board.argError(index, function, message)
                : new LuaError("bad argument #" + index + " to '" + function + "' (" + message + ")");
    }

    static String checkString(Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isstring()) {
            String got = index > args.narg() ? "no value" : value.typename();
            throw new LuaError("bad argument #" + index + " to '" + function + "' (string expected, got " + got + ")");
        }
        return value.tojstring();
    }

    static LuaValue checkFunction(Varargs args, int index, String function) {
        LuaValue value = args.arg(index);
        if (!value.isfunction()) {
            String got = index > args.narg() ? "no value" : value.typename();
            throw new LuaError("bad argument #" + index + " to '" + function + "' (function expected, got " + got + ")");
        }
        return value;
    }
}
