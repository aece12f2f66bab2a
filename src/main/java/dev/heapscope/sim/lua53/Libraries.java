package dev.heapscope.sim.lua53;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.util.function.Function;

/**
 * The board's standard library over LuaJ's: Lua 5.3.5's {@code utf8}, {@code string.pack/unpack/packsize},
 * {@code table.*} and the argument checks of the base and string libraries, as NodeMCU's default build has
 * them; the Lua 5.1 build gets 5.1's set (no utf8, pack, move). {@code error} levels are the board side's.
 */
public final class Libraries {
    final NumberModel numbers;
    private final ArgErrorReporter reporter;
    private final boolean lua53;
    final WorkMeter meter;

    public Libraries(NumberModel numbers, ArgErrorReporter reporter, boolean lua53) {
        this(numbers, reporter, lua53, WorkMeter.UNMETERED);
    }

    /** With the board's meter: library functions that loop charge its budget and claim its heap. */
    public Libraries(NumberModel numbers, ArgErrorReporter reporter, boolean lua53, WorkMeter meter) {
        this.numbers = numbers;
        this.reporter = reporter;
        this.lua53 = lua53;
        this.meter = meter;
    }

    /** The argument checks of library function {@code function}. */
    public LibArgs args(String function) {
        return new LibArgs(reporter, function, lua53);
    }

    public static VarArgFunction function(String functionName, Function<Varargs, Varargs> body) {
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

    void put(LuaTable table, String name, Function<Varargs, Varargs> body) {
        table.set(name, function(name, body));
    }

    /** Replaces LuaJ's libraries in {@code globals} (base, string and table already loaded). */
    public void install(Globals globals) {
        LuaTable string = globals.get("string").checktable();
        LuaTable table = globals.get("table").checktable();
        LuaTable loaded = globals.get("package").get("loaded").checktable();
        new BaseChecks(this).install(globals);
        new StringChecks(this).install(string);
        new TableLibrary(this).install(table);
        globals.set("bit32", LuaValue.NIL);
        loaded.set("bit32", LuaValue.NIL);
        if (lua53) {
            globals.set("_VERSION", "Lua 5.3");
            StringPacking packing = new StringPacking(this);
            put(string, "pack", packing::pack);
            put(string, "unpack", packing::unpack);
            put(string, "packsize", packing::packsize);
            LuaTable utf8 = new Utf8Library(this).table();
            globals.set("utf8", utf8);
            loaded.set("utf8", utf8);
        } else {
            globals.set("_VERSION", "Lua 5.1");
            for (String absent : new String[]{"move", "pack", "unpack"}) {
                table.set(absent, LuaValue.NIL);
            }
            globals.set("rawlen", LuaValue.NIL);
        }
    }
}
