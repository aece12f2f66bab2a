package dev.heapscope.sim;

import dev.heapscope.sim.lua53.LibArgs;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * NodeMCU's {@code debug} library on the virtual board, with the functions the board profile's build
 * registers ({@link DebugLibrary}); each raises ldblib.c's argument errors. Stack functions are in
 * {@link DebugStack}, hooks in {@link DebugHooks}. Nothing here reaches past the board's own Lua state:
 * the registry is {@link FirmwareRefs}' table, and metatables can be set on tables and userdata only
 * (LuaJ keeps the other types' metatables in statics every board in the JVM would share).
 */
final class DebugModule {
    private final LuaHeap heap;
    private final FirmwareRefs refs;
    private final DebugArgs check;
    // light userdata standing for upvalue cells: numbered in order of first use, so tostring is deterministic
    private final Map<UpValue, LuaUserdata> upvalueIds = new WeakHashMap<>();

    private DebugModule(LuaHeap heap, FirmwareRefs refs, DebugArgs check) {
        this.heap = heap;
        this.refs = refs;
        this.check = check;
    }

    /** Puts the build's {@code debug} table in {@code _G} and {@code package.loaded} (nothing for none). */
    static void install(Globals globals, LuaAllocationTracker tracker, LuaHeap heap, FirmwareRefs refs,
                        BoardOptions options) {
        if (options.debug() == DebugLibrary.NONE) {
            return;
        }
        DebugArgs check = new DebugArgs(tracker, options.lua());
        DebugModule module = new DebugModule(heap, refs, check);
        DebugStack stack = new DebugStack(tracker, globals, check);
        DebugHooks hooks = new DebugHooks(tracker, globals, check);
        refs.alsoHolds(hooks::forEach);
        LuaTable debug = new LuaTable();
        for (String name : options.debug().functions(options.lua())) {
            Function<Varargs, Varargs> body = module.function(name);
            if (body == null) {
                body = stack.function(name);
            }
            if (body == null) {
                body = hooks.function(name);
            }
            debug.rawset(name, fn(name, body == null ? notModelled(name) : body));
        }
        globals.rawset("debug", debug);
        globals.get("package").get("loaded").rawset("debug", debug);
    }

    static VarArgFunction fn(String functionName, Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            {
                this.name = functionName;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return body.apply(args);
            }
        };
    }

    private static Function<Varargs, Varargs> notModelled(String name) {
        return args -> {
            throw new LuaError("debug." + name + " is not modelled by the virtual board");
        };
    }

    private Function<Varargs, Varargs> function(String name) {
        return switch (name) {
            case "getregistry" -> args -> refs.registry();
            case "getmetatable" -> this::getmetatable;
            case "setmetatable" -> this::setmetatable;
            case "getupvalue" -> args -> upvalue(args, false);
            case "setupvalue" -> args -> upvalue(args, true);
            case "upvalueid" -> this::upvalueid;
            case "upvaluejoin" -> this::upvaluejoin;
            case "getuservalue" -> args -> LuaValue.NIL; // no firmware module gives its userdata a user value
            default -> null;
        };
    }

    private Varargs getmetatable(Varargs args) {
        check.of("getmetatable").checkAny(args, 1);
        LuaValue metatable = args.arg1().getmetatable();
        return metatable == null ? LuaValue.NIL : metatable;
    }

    private Varargs setmetatable(Varargs args) {
        LuaValue target = args.arg1();
        LuaValue metatable = args.arg(2);
        if (!metatable.isnil() && !metatable.istable()) {
            throw check.of("setmetatable").error(2, "nil or table expected");
        }
        if (target instanceof LuaTable table) {
            table.setmetatable(metatable.isnil() ? null : metatable);
            if (metatable instanceof LuaTable mt && !mt.rawget("__gc").isnil()) {
                heap.markForFinalization(table); // as the base library's setmetatable: lgc.c luaC_checkfinalizer
            }
        } else if (target instanceof LuaUserdata userdata) {
            userdata.setmetatable(metatable.isnil() ? null : metatable);
        } else {
            throw new LuaError("debug.setmetatable on a " + target.typename()
                    + " is not modelled by the virtual board (tables and userdata only)");
        }
        return target;
    }

    /** ldblib.c {@code auxupvalue}: the name (and value) of upvalue n of a function; nothing when there is none. */
    private Varargs upvalue(Varargs args, boolean set) {
        String function = set ? "setupvalue" : "getupvalue";
        LibArgs checks = check.of(function);
        long n = checks.checkInteger(args, 2);
        if (!args.arg1().isfunction()) {
            throw checks.typeError(args, 1, "function");
        }
        if (set) {
            checks.checkAny(args, 3);
        }
        if (!(args.arg1() instanceof LuaClosure closure) || n < 1 || n > closure.upValues.length
                || closure.upValues[(int) n - 1] == null) {
            return LuaValue.NONE; // a firmware function is a light C function: no upvalues
        }
        UpValue cell = closure.upValues[(int) n - 1];
        LuaValue name = upvalueName(closure, (int) n);
        if (set) {
            cell.setValue(args.arg(3));
            return name;
        }
        return LuaValue.varargsOf(name, cell.getValue());
    }

    private static LuaValue upvalueName(LuaClosure closure, int n) {
        var descriptions = closure.p.upvalues;
        // a chunk stripped of debug information (node.stripdebug) names its upvalues "?" in 5.3 (lapi.c aux_upvalue)
        return n <= descriptions.length && descriptions[n - 1].name != null
                ? descriptions[n - 1].name : LuaValue.valueOf("?");
    }

    private Varargs upvalueid(Varargs args) {
        UpValue cell = checkUpvalue(args, 1, 2, "upvalueid");
        return upvalueIds.computeIfAbsent(cell, unused -> new LuaUserdata(new UpvalueId(upvalueIds.size() + 1)));
    }

    private Varargs upvaluejoin(Varargs args) {
        checkUpvalue(args, 1, 2, "upvaluejoin");
        UpValue other = checkUpvalue(args, 3, 4, "upvaluejoin");
        ((LuaClosure) args.arg1()).upValues[args.arg(2).toint() - 1] = other;
        return LuaValue.NONE;
    }

    private UpValue checkUpvalue(Varargs args, int fArg, int nArg, String function) {
        LibArgs checks = check.of(function);
        long n = checks.checkInteger(args, nArg);
        if (!args.arg(fArg).isfunction()) {
            throw checks.typeError(args, fArg, "function");
        }
        if (!(args.arg(fArg) instanceof LuaClosure closure) || n < 1 || n > closure.upValues.length) {
            throw checks.error(nArg, "invalid upvalue index");
        }
        return closure.upValues[(int) n - 1];
    }

    /** What an upvalue id wraps: a number, so {@code tostring} of the light userdata is the same every run. */
    private record UpvalueId(int number) {
        @Override
        public int hashCode() {
            return 0x3ffb0000 + number * 8;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UpvalueId id && id.number == number;
        }
    }
}
