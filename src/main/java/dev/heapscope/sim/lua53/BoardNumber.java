package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * What the board's number types share (5.3's integer and float subtypes, 5.1's double): LuaJ's VM reaches numbers only through these methods
 * (arithmetic by double dispatch, comparisons, conversions), so overriding all of them gives 5.3's rules.
 * When LuaJ's own numbers are the left operand they call back with a Java {@code int} (a LuaJ integer)
 * or {@code double}; a LuaJ double is never integral (LuaJ normalizes those to integers), so an integral
 * {@code double} coming back means a LuaJ integer or an integral numeric string.
 */
abstract class BoardNumber extends LuaNumber {

    /** The arithmetic of the build this number belongs to. */
    abstract Arithmetic arith();

    /** The value as a double, exactly (ints and floats both fit a double exactly). */
    abstract double exact();

    abstract String text();

    private LuaValue fromLuaj(double d) {
        return arith().fromLuaj(d);
    }

    private LuaValue fromLuaj(int i) {
        return arith().fromLuaj(i);
    }

    @Override public LuaValue add(LuaValue rhs) {
        LuaValue r = arith().operand(rhs);
        return r == null ? arithmt(ADD, rhs) : arith().add(this, r);
    }
    @Override public LuaValue add(double lhs) { return arith().add(fromLuaj(lhs), this); }
    @Override public LuaValue add(int lhs) { return arith().add(fromLuaj(lhs), this); }

    @Override public LuaValue sub(LuaValue rhs) {
        LuaValue r = arith().operand(rhs);
        return r == null ? arithmt(SUB, rhs) : arith().sub(this, r);
    }
    @Override public LuaValue sub(double rhs) { return arith().sub(this, fromLuaj(rhs)); }
    @Override public LuaValue sub(int rhs) { return arith().sub(this, fromLuaj(rhs)); }
    @Override public LuaValue subFrom(double lhs) { return arith().sub(fromLuaj(lhs), this); }
    @Override public LuaValue subFrom(int lhs) { return arith().sub(fromLuaj(lhs), this); }

    @Override public LuaValue mul(LuaValue rhs) {
        LuaValue r = arith().operand(rhs);
        return r == null ? arithmt(MUL, rhs) : arith().mul(this, r);
    }
    @Override public LuaValue mul(double lhs) { return arith().mul(fromLuaj(lhs), this); }
    @Override public LuaValue mul(int lhs) { return arith().mul(fromLuaj(lhs), this); }

    @Override public LuaValue div(LuaValue rhs) {
        LuaValue r = arith().operand(rhs);
        return r == null ? arithmt(DIV, rhs) : arith().div(this, r);
    }
    @Override public LuaValue div(double rhs) { return arith().div(this, fromLuaj(rhs)); }
    @Override public LuaValue div(int rhs) { return arith().div(this, fromLuaj(rhs)); }
    @Override public LuaValue divInto(double lhs) { return arith().div(fromLuaj(lhs), this); }

    @Override public LuaValue mod(LuaValue rhs) {
        LuaValue r = arith().operand(rhs);
        return r == null ? arithmt(MOD, rhs) : arith().mod(this, r);
    }
    @Override public LuaValue mod(double rhs) { return arith().mod(this, fromLuaj(rhs)); }
    @Override public LuaValue mod(int rhs) { return arith().mod(this, fromLuaj(rhs)); }
    @Override public LuaValue modFrom(double lhs) { return arith().mod(fromLuaj(lhs), this); }

    @Override public LuaValue pow(LuaValue rhs) {
        LuaValue r = arith().operand(rhs);
        return r == null ? arithmt(POW, rhs) : arith().pow(this, r);
    }
    @Override public LuaValue pow(double rhs) { return arith().pow(this, fromLuaj(rhs)); }
    @Override public LuaValue pow(int rhs) { return arith().pow(this, fromLuaj(rhs)); }
    @Override public LuaValue powWith(double lhs) { return arith().pow(fromLuaj(lhs), this); }
    @Override public LuaValue powWith(int lhs) { return arith().pow(fromLuaj(lhs), this); }

    // ---- equality: numbers compare by mathematical value, whatever their subtype (lvm.c luaV_equalobj)

    @Override public boolean raweq(LuaValue val) { return val instanceof LuaNumber && val.raweq(exact()); }
    @Override public boolean raweq(double val) { return exact() == val; }
    @Override public boolean raweq(int val) { return exact() == val; }
    @Override public boolean eq_b(LuaValue val) { return raweq(val); }
    @Override public LuaValue eq(LuaValue val) { return valueOf(raweq(val)); }

    @Override public boolean equals(Object o) { return o instanceof LuaNumber n && raweq(n); }

    // ---- order: exact comparison of int and float (lvm.c LTnum/LEnum); others by metamethod

    private boolean order(LuaValue rhs, LuaValue event, boolean swapped) {
        if (rhs instanceof LuaNumber) {
            double a = exact();
            double b = arith().exact(rhs);
            if (swapped) {
                double t = a;
                a = b;
                b = t;
            }
            return event == LT ? a < b : a <= b;
        }
        LuaValue h = rhs.metatag(event);
        if (h.isnil()) {
            throw new LuaError(rhs.type() == TSTRING
                    ? (swapped ? "attempt to compare string with number" : "attempt to compare number with string")
                    : "attempt to compare " + (swapped ? rhs.typename() + " with number" : "number with " + rhs.typename()));
        }
        return (swapped ? h.call(rhs, this) : h.call(this, rhs)).toboolean();
    }

    @Override public boolean lt_b(LuaValue rhs) { return order(rhs, LT, false); }
    @Override public boolean lteq_b(LuaValue rhs) { return order(rhs, LE, false); }
    @Override public boolean gt_b(LuaValue rhs) { return order(rhs, LT, true); }
    @Override public boolean gteq_b(LuaValue rhs) { return order(rhs, LE, true); }
    @Override public LuaValue lt(LuaValue rhs) { return valueOf(lt_b(rhs)); }
    @Override public LuaValue lteq(LuaValue rhs) { return valueOf(lteq_b(rhs)); }
    @Override public LuaValue gt(LuaValue rhs) { return valueOf(gt_b(rhs)); }
    @Override public LuaValue gteq(LuaValue rhs) { return valueOf(gteq_b(rhs)); }

    @Override public boolean lt_b(int rhs) { return exact() < rhs; }
    @Override public boolean lt_b(double rhs) { return exact() < arith().exact(fromLuaj(rhs)); }
    @Override public boolean lteq_b(int rhs) { return exact() <= rhs; }
    @Override public boolean lteq_b(double rhs) { return exact() <= arith().exact(fromLuaj(rhs)); }
    @Override public boolean gt_b(int rhs) { return exact() > rhs; }
    @Override public boolean gt_b(double rhs) { return exact() > arith().exact(fromLuaj(rhs)); }
    @Override public boolean gteq_b(int rhs) { return exact() >= rhs; }
    @Override public boolean gteq_b(double rhs) { return exact() >= arith().exact(fromLuaj(rhs)); }
    @Override public LuaValue lt(int rhs) { return valueOf(lt_b(rhs)); }
    @Override public LuaValue lt(double rhs) { return valueOf(lt_b(rhs)); }
    @Override public LuaValue lteq(int rhs) { return valueOf(lteq_b(rhs)); }
    @Override public LuaValue lteq(double rhs) { return valueOf(lteq_b(rhs)); }
    @Override public LuaValue gt(int rhs) { return valueOf(gt_b(rhs)); }
    @Override public LuaValue gt(double rhs) { return valueOf(gt_b(rhs)); }
    @Override public LuaValue gteq(int rhs) { return valueOf(gteq_b(rhs)); }
    @Override public LuaValue gteq(double rhs) { return valueOf(gteq_b(rhs)); }

    @Override public int strcmp(LuaString rhs) { throw new LuaError("attempt to compare string with number"); }

    // ---- conversion to text: print, tostring, .. and every library that takes a string

    @Override public String tojstring() { return text(); }
    @Override public LuaString strvalue() { return LuaString.valueOf(text()); }
    @Override public LuaValue tostring() { return strvalue(); }
    @Override public LuaString checkstring() { return strvalue(); }
    @Override public String checkjstring() { return text(); }
    @Override public LuaString optstring(LuaString defval) { return strvalue(); }
    @Override public String optjstring(String defval) { return text(); }
    @Override public boolean isstring() { return true; }
    @Override public double todouble() { return exact(); }
    @Override public double checkdouble() { return exact(); }
    @Override public double optdouble(double defval) { return exact(); }
    @Override public float tofloat() { return (float) exact(); }
    @Override public long tolong() { return toint(); }
    @Override public LuaValue tonumber() { return this; }

    @Override public LuaValue neg() { return arith().neg(this); }

    /** 5.3's luaV_tointeger in exact mode: used by every library argument that must be an integer. */
    @Override public int checkint() { return arith().integer(this); }
    @Override public long checklong() { return checkint(); }
    @Override public org.luaj.vm2.LuaInteger checkinteger() { return org.luaj.vm2.LuaInteger.valueOf(checkint()); }
    @Override public int optint(int defval) { return checkint(); }
    @Override public long optlong(long defval) { return checkint(); }
    @Override public org.luaj.vm2.LuaInteger optinteger(org.luaj.vm2.LuaInteger defval) { return checkinteger(); }

    @Override public String toString() { return text(); }
}
