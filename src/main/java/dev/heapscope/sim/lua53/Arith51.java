package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaValue;

/** Lua 5.1's arithmetic on doubles (luaconf.h luai_num*): one type, % is {@code a - floor(a/b)*b}. */
final class Arith51 implements Arithmetic {
    static final Arith51 INSTANCE = new Arith51();

    private Arith51() {
    }

    @Override
    public LuaValue operand(LuaValue v) {
        if (v instanceof LuaNumber) {
            return v;
        }
        if (v.type() != LuaValue.TSTRING) {
            return null;
        }
        Double d = parse(v.tojstring());
        return d == null ? null : Double64.of(d);
    }

    /** lobject.c luaO_str2d of 5.1: strtod, or a hex integer through strtoul. */
    static Double parse(String s) {
        String text = NumberText.trim(s);
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) | 0x20) == 'x') {
            try {
                double magnitude = Long.parseUnsignedLong(body.substring(2), 16);
                return text.startsWith("-") ? -magnitude : magnitude;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return text.indexOf('x') >= 0 || text.indexOf('X') >= 0 ? null : NumberText.parseDouble(text, false);
    }

    @Override
    public LuaValue fromLuaj(double d) {
        return Double64.of(d);
    }

    @Override
    public LuaValue fromLuaj(int i) {
        return Double64.of(i);
    }

    @Override
    public double exact(LuaValue v) {
        return v.todouble();
    }

    @Override
    public int integer(LuaValue v) {
        return (int) (long) v.todouble();
    }

    @Override
    public LuaValue add(LuaValue a, LuaValue b) {
        return Double64.of(a.todouble() + b.todouble());
    }

    @Override
    public LuaValue sub(LuaValue a, LuaValue b) {
        return Double64.of(a.todouble() - b.todouble());
    }

    @Override
    public LuaValue mul(LuaValue a, LuaValue b) {
        return Double64.of(a.todouble() * b.todouble());
    }

    @Override
    public LuaValue div(LuaValue a, LuaValue b) {
        return Double64.of(a.todouble() / b.todouble());
    }

    @Override
    public LuaValue mod(LuaValue a, LuaValue b) {
        double x = a.todouble();
        double y = b.todouble();
        return Double64.of(x - Math.floor(x / y) * y);
    }

    @Override
    public LuaValue pow(LuaValue a, LuaValue b) {
        return Double64.of(Math.pow(a.todouble(), b.todouble()));
    }

    @Override
    public LuaValue neg(LuaValue a) {
        double d = a.todouble();
        return d != d ? Double64.negatedNan(d) : Double64.of(-d);
    }
}
