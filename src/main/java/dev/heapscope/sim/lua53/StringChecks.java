package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.function.Function;

/**
 * lstrlib.c's argument checks in front of LuaJ's string functions, so a wrong call fails with the board's
 * {@code bad argument #1 to 'sub' (string expected, got no value)} instead of LuaJ's unnumbered message.
 * {@code find/match/gmatch/gsub} are the board's own ({@link StringSearch}); {@code rep} and {@code format} are replaced
 * elsewhere.
 */
final class StringChecks {
    private interface Check {
        void check(LibArgs check, Varargs args);
    }

    private final Libraries libs;

    StringChecks(Libraries libs) {
        this.libs = libs;
    }

    void install(LuaTable string) {
        Check subject = (c, a) -> c.checkString(a, 1);
        Check pattern = (c, a) -> {
            c.checkString(a, 1);
            c.checkString(a, 2);
        };
        guard(string, "len", subject);
        guard(string, "lower", subject);
        guard(string, "upper", subject);
        guard(string, "reverse", subject);
        guard(string, "byte", (c, a) -> {
            long length = c.checkString(a, 1).m_length;
            long from = Math.max(1, Utf8Library.relative(c.optInteger(a, 2, 1), length));
            long to = Math.min(length, Utf8Library.relative(c.optInteger(a, 3, from), length));
            // str_byte: one stack slot per byte of the slice, checked before LuaJ makes the values
            if (from <= to) {
                if (to - from >= Integer.MAX_VALUE) {
                    throw new org.luaj.vm2.LuaError("string slice too long");
                }
                if (!libs.meter.stackFits(to - from + 1)) {
                    throw new org.luaj.vm2.LuaError("stack overflow (string slice too long)");
                }
                libs.meter.spend((to - from) / WorkMeter.BYTES_PER_WORK);
            }
        });
        guard(string, "sub", (c, a) -> {
            c.checkString(a, 1);
            c.checkInteger(a, 2);
            c.optInteger(a, 3, -1);
        });
        Check search = (c, a) -> {
            pattern.check(c, a);
            c.optInteger(a, 3, 1);
        };
        StringSearch searching = new StringSearch(libs, libs.meter);
        guard(string, "gmatch", pattern, searching::gmatch);
        guard(string, "find", search, searching::find);
        guard(string, "match", search, searching::match);
        Check substitution = (c, a) -> {
            pattern.check(c, a);
            int type = a.arg(3).type();
            c.check(type == LuaValue.TNUMBER || type == LuaValue.TSTRING || type == LuaValue.TFUNCTION
                    || type == LuaValue.TTABLE, 3, "string/function/table expected");
            c.optInteger(a, 4, 0);
        };
        guard(string, "gsub", substitution, searching::gsub);
        guard(string, "char", (c, a) -> {
            for (int i = 1; i <= a.narg(); i++) {
                long code = c.checkInteger(a, i);
                c.check(code >= 0 && code <= 255, i, "value out of range");
            }
        });
    }

    private void guard(LuaTable string, String name, Check check) {
        guard(string, name, check, string.get(name)::invoke);
    }

    private void guard(LuaTable string, String name, Check check, Function<Varargs, Varargs> body) {
        libs.put(string, name, args -> {
            check.check(libs.args(name), args);
            return body.apply(args);
        });
    }
}
