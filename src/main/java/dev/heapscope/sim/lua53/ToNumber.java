package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import static dev.heapscope.sim.lua53.NumberArgs.bad;

/** {@code tonumber} of lbaselib.c, 5.3 ({@code b_str2int}, wrapping) and 5.1 ({@code strtoul}). */
final class ToNumber {
    private ToNumber() {
    }

    static Varargs tonumber53(Varargs a) {
        if (a.isnoneornil(2)) {
            LuaValue v = a.arg1();
            if (v.type() == LuaValue.TNUMBER) {
                return v;
            }
            if (v.type() == LuaValue.TSTRING) {
                LuaValue n = NumberText.parse(v.tojstring());
                if (n != null) {
                    return n;
                }
            }
            NumberArgs.any(a, 1, "tonumber");
            return LuaValue.NIL;
        }
        int base = new NumberArgs(Arith53.INSTANCE).integer(a, 2, "tonumber");
        if (a.arg1().type() != LuaValue.TSTRING) {
            throw bad(1, "tonumber", "string expected, got " + NumberArgs.typeName(a, 1));
        }
        if (base < 2 || base > 36) {
            throw bad(2, "tonumber", "base out of range");
        }
        String s = NumberText.trim(a.arg1().tojstring());
        boolean negative = s.startsWith("-");
        String digits = negative || s.startsWith("+") ? s.substring(1) : s;
        if (digits.isEmpty()) {
            return LuaValue.NIL;
        }
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), base);
            if (d < 0 || digits.charAt(i) > 'z') {
                return LuaValue.NIL;
            }
            n = n * base + d;
        }
        return Int32.of(negative ? -n : n);
    }

    static Varargs tonumber51(Varargs a) {
        int base = a.isnoneornil(2) ? 10 : new NumberArgs(Arith51.INSTANCE).integer(a, 2, "tonumber");
        if (base == 10) {
            NumberArgs.any(a, 1, "tonumber");
            LuaValue n = Arith51.INSTANCE.operand(a.arg1());
            return n == null ? LuaValue.NIL : Double64.of(n.todouble());
        }
        if (a.arg1().type() != LuaValue.TSTRING && a.arg1().type() != LuaValue.TNUMBER) {
            throw bad(1, "tonumber", "string expected, got " + NumberArgs.typeName(a, 1));
        }
        if (base < 2 || base > 36) {
            throw bad(2, "tonumber", "base out of range");
        }
        String s = NumberText.trim(a.arg1().tojstring());
        boolean negative = s.startsWith("-");
        String digits = negative || s.startsWith("+") ? s.substring(1) : s;
        if (base == 16 && digits.length() > 2 && digits.charAt(0) == '0' && (digits.charAt(1) | 0x20) == 'x') {
            digits = digits.substring(2);
        }
        if (digits.isEmpty()) {
            return LuaValue.NIL;
        }
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), base);
            if (d < 0 || digits.charAt(i) > 'z') {
                return LuaValue.NIL;
            }
            n = Math.min(n * base + d, 0xffffffffL); // unsigned long of the ESP32 saturates
        }
        return Double64.of(negative ? (-n) & 0xffffffffL : n);
    }
}
