package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The base functions whose 5.3 behaviour scripts notice (lbaselib.c): {@code select} with negative
 * indexes, {@code ipairs} through {@code __index}, {@code pairs} through {@code __pairs}, and the argument
 * messages of {@code select}, {@code setmetatable}, {@code getmetatable}, {@code raw*}, {@code next},
 * {@code type} and {@code tostring}.
 */
final class BaseChecks {
    private final Libraries libs;

    BaseChecks(Libraries libs) {
        this.libs = libs;
    }

    void install(LuaTable globals) {
        LuaValue next = globals.get("next");
        installLoadMode(globals);
        libs.put(globals, "select", this::select);
        LuaValue step = Libraries.function("ipairs_step", this::ipairsStep);
        libs.put(globals, "ipairs", args -> {
            libs.args("ipairs").checkAny(args, 1);
            return LuaValue.varargsOf(step, args.arg1(), libs.numbers.integer(0));
        });
        LuaValue checkedNext = Libraries.function("next", args -> {
            libs.args("next").checkTable(args, 1);
            return next.invoke(args);
        });
        globals.set("next", checkedNext);
        libs.put(globals, "pairs", args -> {
            libs.args("pairs").checkAny(args, 1);
            LuaValue handler = args.arg1().getmetatable() == null ? LuaValue.NIL
                    : args.arg1().getmetatable().rawget("__pairs");
            if (handler.isnil()) {
                return LuaValue.varargsOf(checkedNext, args.arg1(), LuaValue.NIL);
            }
            Varargs three = handler.invoke(args.arg1());
            return LuaValue.varargsOf(three.arg(1), three.arg(2), three.arg(3));
        });
        LuaValue setmetatable = globals.get("setmetatable");
        libs.put(globals, "setmetatable", args -> {
            LibArgs check = libs.args("setmetatable");
            check.checkTable(args, 1);
            LuaValue meta = args.arg(2);
            check.check(meta.isnil() || meta.istable(), 2, "nil or table expected");
            LuaValue old = args.arg1().getmetatable();
            if (old != null && !old.rawget("__metatable").isnil()) {
                throw new LuaError("cannot change a protected metatable");
            }
            return setmetatable.invoke(args.arg1(), meta);
        });
        guardAny(globals, "getmetatable", 1);
        guardAny(globals, "type", 1);
        guardAny(globals, "tostring", 1);
        guardAny(globals, "rawequal", 2);
        LuaValue rawget = globals.get("rawget");
        libs.put(globals, "rawget", args -> {
            LibArgs check = libs.args("rawget");
            check.checkTable(args, 1);
            check.checkAny(args, 2);
            return rawget.invoke(args);
        });
        LuaValue rawset = globals.get("rawset");
        libs.put(globals, "rawset", args -> {
            LibArgs check = libs.args("rawset");
            check.checkTable(args, 1);
            check.checkAny(args, 2);
            check.checkAny(args, 3);
            return rawset.invoke(args);
        });
        LuaValue rawlen = globals.get("rawlen");
        libs.put(globals, "rawlen", args -> {
            int type = args.arg1().type();
            libs.args("rawlen").check(type == LuaValue.TTABLE || type == LuaValue.TSTRING, 1,
                    "table or string expected");
            return libs.numbers.integer(rawlen.invoke(args).arg1().tolong());
        });
    }

    /** lbaselib's checkmode: a string chunk of the wrong kind for {@code mode} is refused as 5.3 words it. */
    private void installLoadMode(LuaTable globals) {
        LuaValue load = globals.get("load");
        libs.put(globals, "load", args -> {
            LuaValue chunk = args.arg1();
            if (chunk.type() != LuaValue.TSTRING) {
                return load.invoke(args);
            }
            LuaString mode = libs.args("load").optString(args, 3, LuaValue.valueOf("bt"));
            LuaString text = (LuaString) chunk;
            String kind = text.m_length > 0 && text.luaByte(0) == 0x1B ? "binary" : "text";
            if (mode.indexOf((byte) kind.charAt(0), 0) < 0) {
                return LuaValue.varargsOf(LuaValue.NIL,
                        LuaValue.valueOf("attempt to load a " + kind + " chunk (mode is '" + mode.tojstring() + "')"));
            }
            return load.invoke(LuaValue.varargsOf(new LuaValue[]{chunk, args.arg(2), LuaValue.valueOf("bt")},
                    args.subargs(4)));
        });
    }

    /** luaL_checkany on the first {@code count} arguments, then LuaJ's function. */
    private void guardAny(LuaTable globals, String name, int count) {
        LuaValue original = globals.get(name);
        libs.put(globals, name, args -> {
            LibArgs check = libs.args(name);
            for (int i = 1; i <= count; i++) {
                check.checkAny(args, i);
            }
            return original.invoke(args);
        });
    }

    private Varargs select(Varargs args) {
        int n = args.narg();
        LuaValue first = args.arg1();
        if (first.type() == LuaValue.TSTRING && first.checkstring().m_length > 0 && first.checkstring().luaByte(0) == '#') {
            return libs.numbers.integer(n - 1L);
        }
        LibArgs check = libs.args("select");
        long i = check.checkInteger(args, 1);
        if (i < 0) {
            i = n + i;
        } else if (i > n) {
            i = n;
        }
        check.check(1 <= i, 1, "index out of range");
        return args.subargs((int) i + 1);
    }

    private Varargs ipairsStep(Varargs args) {
        long i = libs.args("for iterator").checkInteger(args, 2) + 1;
        LuaValue index = libs.numbers.integer(i);
        LuaValue value = args.arg1().get(index);
        return value.isnil() ? LuaValue.NIL : LuaValue.varargsOf(index, value);
    }
}
