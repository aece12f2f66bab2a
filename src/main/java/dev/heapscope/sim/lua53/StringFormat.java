package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.nio.charset.StandardCharsets;

import static dev.heapscope.sim.lua53.NumberArgs.bad;

/**
 * {@code string.format} as lstrlib.c {@code str_format} of the board's build: scanformat's limits (five
 * flag characters, two-digit width and precision), the conversions the build accepts, each item written by
 * C printf rules ({@link CFormat}). In 5.3 the integer conversions take a lua_Integer (int32, refusing a
 * float with no integer value) and the float ones a float promoted to double; 5.1 casts the double.
 */
final class StringFormat {
    private static final String FLAGS = "-+ #0";
    private final boolean lua53;
    private final NumberArgs args;
    private final LuaValue globals;
    private final WorkMeter meter;

    /** %s and %q write values as the state's {@code tostring} does (luaL_tolstring: __tostring, addresses). */
    StringFormat(boolean lua53, LuaValue globals, WorkMeter meter) {
        this.meter = meter;
        this.lua53 = lua53;
        this.args = new NumberArgs(lua53 ? Arith53.INSTANCE : Arith51.INSTANCE);
        this.globals = globals;
    }

    static String bytes(LuaString s) {
        return new String(s.m_bytes, s.m_offset, s.m_length, StandardCharsets.ISO_8859_1);
    }

    Varargs format(Varargs a) {
        if (a.arg1().type() != LuaValue.TSTRING && a.arg1().type() != LuaValue.TNUMBER) {
            throw bad(1, "format", "string expected, got " + NumberArgs.typeName(a, 1));
        }
        String f = bytes(a.arg1().strvalue());
        StringBuilder out = new StringBuilder();
        int arg = 1;
        int at = 0;
        while (at < f.length()) {
            char c = f.charAt(at++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (at < f.length() && f.charAt(at) == '%') {
                out.append('%');
                at++;
                continue;
            }
            if (++arg > a.narg()) {
                throw bad(arg, "format", "no value");
            }
            int start = at;
            while (at < f.length() && FLAGS.indexOf(f.charAt(at)) >= 0) {
                at++;
            }
            if (at - start >= FLAGS.length() + 1) {
                throw new LuaError("invalid format (repeated flags)");
            }
            String flags = f.substring(start, at);
            int width = -1;
            int precision = -1;
            int digitsFrom = at;
            while (at < f.length() && at - digitsFrom < 2 && Character.isDigit(f.charAt(at))) {
                at++;
            }
            if (at > digitsFrom) {
                width = Integer.parseInt(f.substring(digitsFrom, at));
            }
            if (at < f.length() && f.charAt(at) == '.') {
                at++;
                int precisionFrom = at;
                while (at < f.length() && at - precisionFrom < 2 && Character.isDigit(f.charAt(at))) {
                    at++;
                }
                precision = at > precisionFrom ? Integer.parseInt(f.substring(precisionFrom, at)) : 0;
            }
            if (at < f.length() && Character.isDigit(f.charAt(at))) {
                throw new LuaError("invalid format (width or precision too long)");
            }
            char conversion = at < f.length() ? f.charAt(at++) : '\0';
            boolean modified = at - start > 1;
            String item = item(a, arg, new CFormat(flags, width, precision, conversion), modified);
            // the board's luaL_Buffer must hold the result so far: claim it before Java grows its copy
            meter.reserve((long) out.length() + item.length());
            meter.spend(1 + item.length() / 16);
            out.append(item);
        }
        return LuaString.valueOf(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private String item(Varargs a, int arg, CFormat spec, boolean modified) {
        switch (spec.conversion) {
            case 'c':
                return spec.character(integer(a, arg));
            case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
                if (lua53) {
                    return spec.integer(integer(a, arg), 32);
                }
                double d = args.number(a, arg, "format").todouble();
                return spec.integer((long) d, 64);
            case 'e': case 'E': case 'f': case 'g': case 'G':
                return spec.floating(floating(a, arg));
            case 'a': case 'A':
                if (lua53) {
                    return spec.floating(floating(a, arg));
                }
                break;
            case 'q':
                return lua53 ? Quoting.literal53(a.arg(arg), arg, globals.get("tostring")) : Quoting.quoted51(string51(a, arg));
            case 's':
                return string(a, arg, spec, modified);
            default:
                break;
        }
        throw new LuaError("invalid option '%" + spec.conversion + "' to 'format'");
    }

    private int integer(Varargs a, int arg) {
        return args.integer(a, arg, "format");
    }

    private double floating(Varargs a, int arg) {
        LuaValue n = args.number(a, arg, "format");
        return lua53 ? Arith53.toFloat(n) : n.todouble();
    }

    private String string51(Varargs a, int arg) {
        LuaValue v = a.arg(arg);
        if (v.type() != LuaValue.TSTRING && v.type() != LuaValue.TNUMBER) {
            throw bad(arg, "format", "string expected, got " + NumberArgs.typeName(a, arg));
        }
        return bytes(v.strvalue());
    }

    private String string(Varargs a, int arg, CFormat spec, boolean modified) {
        String s = lua53 ? bytes(globals.get("tostring").call(a.arg(arg)).checkstring()) : string51(a, arg);
        if (lua53 && !modified) {
            return s;
        }
        if (s.indexOf('\0') >= 0) {
            if (lua53) {
                throw bad(arg, "format", "string contains zeros");
            }
            s = s.substring(0, s.indexOf('\0'));
        }
        if (spec.precision < 0 && s.length() >= 100) {
            return s;
        }
        return spec.string(s);
    }
}
