package dev.heapscope.sim.lua53;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import static dev.heapscope.sim.lua53.NumberArgs.fn;

/**
 * Puts the build's number libraries into a fresh LuaJ state: {@code math}, {@code tonumber},
 * {@code string.format}, and a {@code tostring} that writes LuaJ's own numbers (string lengths, module
 * results) as the build writes its numbers. Call before the sandbox wraps these for heap tracking.
 */
public final class NumberLibraries {
    /** The state whose string table the JVM-wide string metatable holds (see install). */
    private static Globals metatableOwner;

    private NumberLibraries() {
    }

    public static void install(Globals globals, NumberModel model) {
        install(globals, model, WorkMeter.UNMETERED);
    }

    /** With the board's meter, which {@code string.format} charges for what it writes. */
    public static void install(Globals globals, NumberModel model, WorkMeter meter) {
        boolean lua53 = model.hasIntegerOperators();
        LuaTable math = lua53 ? new MathLib53().table() : new MathLib51().table();
        globals.set("math", math);
        globals.get("package").get("loaded").set("math", math);
        java.util.function.Function<org.luaj.vm2.Varargs, org.luaj.vm2.Varargs> tonumber = lua53 ? ToNumber::tonumber53 : ToNumber::tonumber51;
        globals.set("tonumber", fn("tonumber", args -> {
            if (args.arg1() instanceof LuaString text) { // made Java text and read digit by digit: 2 units per byte
                meter.spend(2L * text.m_length);
            }
            return tonumber.apply(args);
        }));
        LuaValue luajToString = globals.get("tostring");
        globals.set("tostring", fn("tostring", args -> {
            LuaValue v = args.arg1();
            if (v instanceof LuaNumber && !(v instanceof BoardNumber)) {
                return model.normalize(v).tostring();
            }
            return luajToString.invoke(args);
        }));
        StringFormat format = new StringFormat(lua53, globals, meter);
        globals.get("string").set("format", fn("format", format::format));
        // LuaJ keeps the string metatable in a static field and only its first StringLib sets it: every later
        // state's s:format() would reach the first state's string table (its build, its heap). The newest
        // state, the one being booted and used, takes it over.
        synchronized (NumberLibraries.class) {
            LuaString.s_metatable = LuaValue.tableOf(new LuaValue[]{LuaValue.INDEX, globals.get("string")});
            metatableOwner = globals;
        }
    }

    /**
     * A closed state gives the string metatable back (when no newer state took it over): a dead board's string
     * functions charge a budget it spent long ago, and a plain LuaJ interpreter in the same JVM (its StringLib
     * sets the field only when empty) would call them.
     */
    public static synchronized void releaseStringMetatable(Globals globals) {
        if (metatableOwner == globals) {
            LuaString.s_metatable = null;
            metatableOwner = null;
        }
    }
}
