package dev.heapscope.sim;

import dev.heapscope.sim.lib.FlashFileSystem;
import dev.heapscope.sim.lua53.LibArgs;
import dev.heapscope.sim.lua53.Libraries;
import dev.heapscope.sim.lua53.DoubleOnly;
import dev.heapscope.sim.lua53.Int32SingleFloat;
import dev.heapscope.sim.lua53.Lua53Compiler;
import dev.heapscope.sim.lua53.NumberLibraries;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.MathLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;

import java.io.ByteArrayInputStream;
import java.util.function.Function;

/**
 * Builds the board's Lua state by hand: base, package, table, string, coroutine, math and the
 * allocation tracker as debug library, made the board's by {@link StandardLibrary}; no io, os, luajava,
 * debug, bit32 or bit table; {@code require}, {@code dofile} and {@code loadfile} read the flash file
 * system only. Adds what NodeMCU's luaconf keeps ({@code unpack}, {@code loadstring}); the build's number
 * libraries come from {@link NumberLibraries}.
 */
final class LuaSandbox {
    private LuaSandbox() {
    }

    static Globals create(LuaAllocationTracker tracker, LuaHeap heap, ErrorDecorator decorator, FlashFileSystem flash,
                          Function<Varargs, Varargs> print, LuaRelease lua) {
        Globals globals = new BoardGlobals();
        globals.load(new BaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new CoroutineLib());
        globals.load(new MathLib());
        globals.load(tracker);
        LoadState.install(globals);
        globals.undumper = LuaSandbox::refusePrecompiled;
        Lua53Compiler.install(globals, lua == LuaRelease.LUA_51 ? DoubleOnly.INSTANCE : Int32SingleFloat.INSTANCE);
        Globals.Compiler source = globals.compiler;
        globals.compiler = (stream, chunkName) -> heap.constants.compiled(source.compile(stream, chunkName));
        globals.finder = name -> flash.read(name).map(ByteArrayInputStream::new).orElse(null);
        globals.running.errorfunc = decorator;

        LuaTable loaded = globals.get("package").get("loaded").checktable();
        globals.set("debug", LuaValue.NIL);
        loaded.set("debug", LuaValue.NIL);
        LuaTable packageTable = globals.get("package").checktable();
        packageTable.set("path", "?.lua");
        LuaTable searchers = packageTable.get("searchers").checktable();
        searchers.set(4, LuaValue.NIL);
        searchers.set(3, LuaValue.NIL); // the Java class searchers
        // loadlib.c without dlopen (the board's build): nil, DLMSG, "absent"; LuaJ's own overflowed the stack
        packageTable.set("loadlib", fn("loadlib", args -> {
            args.checkstring(1);
            args.checkstring(2);
            return LuaValue.varargsOf(LuaValue.NIL,
                    LuaValue.valueOf("dynamic libraries not enabled; check your Lua installation"), LuaValue.valueOf("absent"));
        }));

        globals.set("print", fn("print", print::apply));
        BoardMeter meter = new BoardMeter(tracker, heap);
        Libraries libs = StandardLibrary.install(globals, lua, tracker, decorator, meter);
        installLoading(globals, flash);
        installCollectGarbage(globals, heap);
        NumberLibraries.install(globals, lua == LuaRelease.LUA_51 ? DoubleOnly.INSTANCE : Int32SingleFloat.INSTANCE, meter);
        installStringTracking(globals, heap, libs, meter);
        MethodCallErrors.numberFromCallSite(globals.get("string").checktable(), "format", tracker);
        Coroutines.install(globals, heap, tracker, decorator);
        installShims(globals);
        return globals;
    }

    /**
     * A precompiled chunk is refused with a reason, as lundump.c words its refusals: LuaJ's undumper trusts the
     * chunk's sizes (a patched code size made it allocate 2 GB per load), and the board's 5.3 bytecode is not
     * LuaJ's anyway. Text chunks pass (null: not a binary chunk).
     */
    private static org.luaj.vm2.Prototype refusePrecompiled(java.io.InputStream stream, String chunkName)
            throws java.io.IOException {
        if (stream.read() != LoadState.LUA_SIGNATURE[0]) {
            return null;
        }
        String name = chunkName.startsWith("@") || chunkName.startsWith("=") ? chunkName.substring(1)
                : chunkName.startsWith("\u001b") ? "binary string" : chunkName;
        throw new LuaError(name + ": precompiled chunk refused (the virtual board loads Lua source only)");
    }

    static VarArgFunction function(String functionName, Function<Varargs, Varargs> body) {
        return fn(functionName, body);
    }

    private static VarArgFunction fn(String functionName, Function<Varargs, Varargs> body) {
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

    private static void installLoading(Globals globals, FlashFileSystem flash) {
        LuaValue load = globals.get("load");
        // compile against the Globals so hooks (budget, tracking) stay on, then swap in the custom _ENV
        globals.set("load", fn("load", args -> {
            Varargs loadedChunk = load.invoke(LuaValue.varargsOf(new LuaValue[]{args.arg(1), args.arg(2), args.arg(3), globals}));
            if (args.narg() >= 4 && loadedChunk.arg1() instanceof LuaClosure closure && closure.upValues.length > 0) {
                closure.upValues[0].setValue(args.arg(4));
            }
            return loadedChunk;
        }));
        globals.set("loadstring", globals.get("load"));
        globals.set("loadfile", fn("loadfile", args -> {
            String name = args.checkjstring(1);
            return flash.read(name).<Varargs>map(bytes -> compile(globals, bytes, name))
                    .orElse(LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("cannot open " + name)));
        }));
        globals.set("dofile", fn("dofile", args -> {
            String name = args.checkjstring(1);
            byte[] bytes = flash.read(name).orElseThrow(() -> new LuaError("cannot open " + name));
            LuaValue chunk;
            try {
                chunk = globals.load(new ByteArrayInputStream(bytes), "@" + name, "t", globals);
            } catch (LuaError e) { // luaB_dofile raises the loader's message as it is: it names the file's line
                throw new PositionedError(e.getMessageObject().tojstring());
            }
            return chunk.invoke();
        }));
    }

    private static Varargs compile(Globals globals, byte[] bytes, String name) {
        try {
            return globals.load(new ByteArrayInputStream(bytes), "@" + name, "t", globals);
        } catch (LuaError e) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.getMessage()));
        }
    }

    private static void installCollectGarbage(Globals globals, LuaHeap heap) {
        globals.set("collectgarbage", fn("collectgarbage", args -> CollectGarbage.call(heap, args)));
    }

    private static void installStringTracking(Globals globals, LuaHeap heap, Libraries libs, BoardMeter meter) {
        LuaTable string = globals.get("string").checktable();
        // Lua 5.3's rep (with separator), refusing what the board heap could not hold
        string.set("rep", tracked(heap, "str_rep", args -> {
            LibArgs check = libs.args("rep");
            LuaString unit = check.checkString(args, 1);
            long count = check.checkInteger(args, 2);
            LuaString separator = check.optString(args, 3, LuaValue.valueOf(""));
            if (count <= 0) {
                return LuaValue.valueOf("");
            }
            long total = unit.m_length * count + separator.m_length * (count - 1);
            if (total == 0) {
                return LuaValue.valueOf(""); // ("").rep(n): no bytes to copy, however large n is
            }
            heap.ensureFits(LuaSizes.string(0) + total);
            meter.spend(count + total / 16); // charged before the copy, so a huge rep ends as a runaway loop would
            byte[] bytes = new byte[(int) total];
            int at = 0;
            for (long i = 0; i < count; i++) {
                if (i > 0) {
                    System.arraycopy(separator.m_bytes, separator.m_offset, bytes, at, separator.m_length);
                    at += separator.m_length;
                }
                System.arraycopy(unit.m_bytes, unit.m_offset, bytes, at, unit.m_length);
                at += unit.m_length;
            }
            return LuaString.valueOf(bytes);
        }));
        for (String[] wrapped : new String[][]{{"format", "str_format"}, {"sub", "str_sub"}, {"upper", "str_upper"},
                {"lower", "str_lower"}, {"reverse", "str_reverse"}, {"char", "str_char"}, {"gsub", "str_gsub"}}) {
            string.set(wrapped[0], tracked(heap, wrapped[1], string.get(wrapped[0])::invoke));
        }
        LuaTable table = globals.get("table").checktable();
        table.set("concat", tracked(heap, "tconcat", table.get("concat")::invoke));
        LuaValue luajToString = globals.get("tostring");
        globals.set("tostring", tracked(heap, "luaB_tostring", args -> ObjectNames.tostring(heap, luajToString, args)));
        LuaValue setmetatable = globals.get("setmetatable");
        globals.set("setmetatable", fn("setmetatable", args -> {
            Varargs result = setmetatable.invoke(args);
            // lgc.c luaC_checkfinalizer: marked for finalization if the metatable has __gc when it is set
            if (args.arg1() instanceof LuaTable target && args.arg(2) instanceof LuaTable metatable
                    && !metatable.rawget("__gc").isnil()) {
                heap.markForFinalization(target);
            }
            return result;
        }));
    }

    private static VarArgFunction tracked(LuaHeap heap, String cFunction, Function<Varargs, Varargs> original) {
        AllocationSite site = heap.sites.stringFrom(cFunction);
        return fn(cFunction, args -> {
            Varargs result = original.apply(args);
            if (result.arg1() instanceof LuaString made && !isArgument(made, args)) {
                heap.trackString(made, site, -1);
            }
            return result;
        });
    }

    /** {@code tostring(s)} and friends may return their argument itself: nothing was allocated. */
    private static boolean isArgument(LuaValue value, Varargs args) {
        for (int i = 1, n = args.narg(); i <= n; i++) {
            if (args.arg(i) == value) {
                return true;
            }
        }
        return false;
    }

    private static void installShims(Globals globals) {
        LuaTable table = globals.get("table").checktable();
        globals.set("unpack", table.get("unpack"));
    }
}
