package dev.heapscope.sim;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Library functions that word their own argument errors as for a plain call ({@code string.format}): called as
 * a method ({@code ("%d"):format(3.5)}), the board's luaL_argerror numbers from after {@code self}.
 */
final class MethodCallErrors {
    private static final Pattern ARG_ERROR = Pattern.compile("bad argument #(\\d+) to '([^']*)' \\((.*)\\)", Pattern.DOTALL);

    private MethodCallErrors() {
    }

    /** Replaces {@code table[name]} by the same function whose argument errors follow the call site. */
    static void numberFromCallSite(LuaTable table, String function, LuaAllocationTracker tracker) {
        LuaValue original = table.get(function);
        table.set(function, new VarArgFunction() {
            {
                this.name = function; // the field: tracebacks name the function by it
            }

            @Override
            public Varargs invoke(Varargs args) {
                try {
                    return original.invoke(args);
                } catch (LuaError e) {
                    LuaValue message = e.getMessageObject();
                    Matcher m = message != null && message.isstring() ? ARG_ERROR.matcher(message.tojstring()) : null;
                    if (m == null || !m.matches() || !m.group(2).equals(function)) {
                        throw e;
                    }
                    throw ArgErrors.of(tracker.currentStack().top(), Integer.parseInt(m.group(1)), function, m.group(3));
                }
            }
        });
    }
}
