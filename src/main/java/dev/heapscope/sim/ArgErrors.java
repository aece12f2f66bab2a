package dev.heapscope.sim;

import org.luaj.vm2.LuaError;

/** {@code luaL_argerror}'s wording, which numbers a method call's arguments from after {@code self}. */
final class ArgErrors {
    private ArgErrors() {
    }

    /** @param caller the Lua frame running the call, or null */
    static LuaError of(ShadowFrame caller, int arg, String function, String message) {
        boolean method = false;
        if (caller != null) {
            int i = caller.code[caller.pc];
            int op = RegisterNamer.op(i);
            if (op == RegisterNamer.OP_CALL || op == RegisterNamer.OP_TAILCALL) {
                FunctionName called = RegisterNamer.name(caller.info.proto, caller.pc, RegisterNamer.a(i));
                method = called != null && called.kind() == FunctionName.Kind.METHOD;
            }
        }
        if (method && arg == 1) {
            return new LuaError("calling '" + function + "' on bad self (" + message + ")");
        }
        return new LuaError("bad argument #" + (method ? arg - 1 : arg) + " to '" + function + "' (" + message + ")");
    }
}
