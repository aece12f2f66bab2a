package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaValue;

import static dev.heapscope.sim.lua53.NumberArgs.bad;

/** {@code %q}: lstrlib.c addliteral (5.3) and addquoted (5.1). */
final class Quoting {
    private Quoting() {
    }

    static String literal53(LuaValue v, int arg, LuaValue tostring) {
        switch (v.type()) {
            case LuaValue.TSTRING:
                return quoted53(StringFormat.bytes(v.checkstring()));
            case LuaValue.TNUMBER:
                if (!Arith53.isInteger(v)) {
                    return CFormat.of('a', -1).floating(Arith53.toFloat(v));
                }
                int n = v.toint();
                return n == Integer.MIN_VALUE ? "0x80000000" : Integer.toString(n);
            case LuaValue.TNIL:
            case LuaValue.TBOOLEAN:
                return StringFormat.bytes(tostring.call(v).checkstring());
            default:
                throw bad(arg, "format", "value has no literal form");
        }
    }

    private static boolean isControl(char c) {
        return c < 32 || c == 127;
    }

    static String quoted53(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n') {
                out.append('\\').append(c);
            } else if (isControl(c)) {
                boolean digitNext = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
                out.append(digitNext ? String.format("\\%03d", (int) c) : "\\" + (int) c);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String quoted51(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\', '\n' -> out.append('\\').append(c);
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\000");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
