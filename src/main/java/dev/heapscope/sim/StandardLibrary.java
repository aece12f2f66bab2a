package dev.heapscope.sim;

import dev.heapscope.sim.lua53.ArgErrorReporter;
import dev.heapscope.sim.lua53.DoubleOnly;
import dev.heapscope.sim.lua53.Int32SingleFloat;
import dev.heapscope.sim.lua53.Libraries;
import dev.heapscope.sim.lua53.WorkMeter;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Installs the board's standard library ({@link Libraries}) with argument errors numbered as
 * {@code luaL_argerror} numbers them at the running call, and {@code error}/{@code assert} with Lua 5.3's
 * levels ({@code luaB_error} + {@code luaL_where}).
 */
final class StandardLibrary {
    private StandardLibrary() {
    }

    static Libraries install(Globals globals, LuaRelease lua, LuaAllocationTracker tracker, ErrorDecorator decorator,
                             WorkMeter meter) {
        ArgErrorReporter reporter = (arg, function, message) -> {
            ShadowFrame caller = tracker.currentStack().top();
            // lua_getinfo names a function the generic for calls 'for iterator'
            boolean iterator = caller != null
                    && RegisterNamer.op(caller.code[caller.pc]) == RegisterNamer.OP_TFORCALL;
            return ArgErrors.of(caller, arg, iterator ? "for iterator" : function, message);
        };
        boolean lua53 = lua == LuaRelease.LUA_53;
        Libraries libs = new Libraries(lua53 ? Int32SingleFloat.INSTANCE : DoubleOnly.INSTANCE, reporter, lua53, meter);
        libs.install(globals);
        // the string metatable follows the newest board: NumberLibraries.install, which the sandbox runs next
        installErrors(globals, libs, tracker, decorator);
        return libs;
    }

    private static void installErrors(Globals globals, Libraries libs, LuaAllocationTracker tracker,
                                      ErrorDecorator decorator) {
        VarArgFunction error = new VarArgFunction() {
            {
                name = "error";
            }

            @Override
            public Varargs invoke(Varargs args) {
                long level = libs.args("error").optInteger(args, 2, 1);
                throw raise(globals, tracker, decorator, this, args.arg1(), level);
            }
        };
        globals.set("error", error);
        VarArgFunction assertion = new VarArgFunction() {
            {
                name = "assert";
            }

            @Override
            public Varargs invoke(Varargs args) {
                if (args.arg1().toboolean()) {
                    return args;
                }
                libs.args("assert").checkAny(args, 1);
                LuaValue message = args.narg() >= 2 ? args.arg(2) : LuaValue.valueOf("assertion failed!");
                throw raise(globals, tracker, decorator, this, message, 1);
            }
        };
        globals.set("assert", assertion);
    }

    /** luaB_error: only a string gets a position; any other error object travels untouched. */
    private static LuaError raise(Globals globals, LuaAllocationTracker tracker, ErrorDecorator decorator,
                                  LuaValue raiser, LuaValue message, long level) {
        if (message.type() != LuaValue.TSTRING) {
            return new LuaError(message);
        }
        String text = ErrorLevels.where(tracker.currentStack(), raiser, level) + message.tojstring();
        return new PositionedError(handled(globals.running, decorator, text));
    }

    /**
     * What LuaJ does for its own errors before unwinding: the running message handler sees the message
     * ({@code xpcall}'s, whose result becomes the error), or the REPL's decorator records the traceback.
     */
    private static String handled(LuaThread running, ErrorDecorator decorator, String text) {
        LuaValue handler = running.errorfunc;
        if (handler == null) {
            return text;
        }
        if (handler == decorator) {
            decorator.recordTraceback();
            return text;
        }
        running.errorfunc = null;
        try {
            return handler.call(LuaValue.valueOf(text)).tojstring();
        } catch (LuaError e) {
            return "error in error handling";
        } finally {
            running.errorfunc = handler;
        }
    }
}
