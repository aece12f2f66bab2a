package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.util.function.Function;

/** lauxlib.c's argument checks with their wording, for the number libraries of one build. */
final class NumberArgs {
    private final Arithmetic arith;

    NumberArgs(Arithmetic arith) {
        this.arith = arith;
    }

    static LuaError bad(int arg, String function, String reason) {
        return new LuaError("bad argument #" + arg + " to '" + function + "' (" + reason + ")");
    }

    static String typeName(Varargs args, int arg) {
        return arg > args.narg() ? "no value" : args.arg(arg).typename();
    }

    /** luaL_checknumber: a number or a string that converts to one. */
    LuaValue number(Varargs args, int arg, String function) {
        LuaValue n = arith.operand(args.arg(arg));
        if (n == null) {
            throw bad(arg, function, "number expected, got " + typeName(args, arg));
        }
        return n;
    }

    LuaValue optNumber(Varargs args, int arg, String function, LuaValue fallback) {
        return args.isnoneornil(arg) ? fallback : number(args, arg, function);
    }

    /** luaL_checkinteger: refuses a float without an exact integer value. */
    int integer(Varargs args, int arg, String function) {
        LuaValue n = number(args, arg, function);
        try {
            return arith.integer(n);
        } catch (LuaError e) {
            throw bad(arg, function, "number has no integer representation");
        }
    }

    static void any(Varargs args, int arg, String function) {
        if (arg > args.narg()) {
            throw bad(arg, function, "value expected");
        }
    }

    static VarArgFunction fn(String functionName, Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            {
                this.name = functionName; // the inherited field would shadow a parameter called name
            }

            @Override
            public Varargs invoke(Varargs args) {
                return body.apply(args);
            }
        };
    }
}
