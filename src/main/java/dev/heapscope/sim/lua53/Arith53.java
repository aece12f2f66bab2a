package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaValue;

/**
 * Lua 5.3's arithmetic (lvm.c, lobject.c luaO_arith) for {@code LUA_INTEGER = int32_t} and
 * {@code LUA_NUMBER = float}: integers wrap, mixed operands become floats, / and ^ are always float.
 * LuaJ's own integers count as the integer subtype, LuaJ's doubles as floats.
 */
final class Arith53 implements Arithmetic {
    static final Arith53 INSTANCE = new Arith53();

    private Arith53() {
    }

    @Override
    public LuaValue operand(LuaValue v) {
        return operandOf(v);
    }

    /** A LuaJ double is never integral (LuaJ normalizes those to integers): integral means a LuaJ integer. */
    @Override
    public LuaValue fromLuaj(double d) {
        int i = (int) d;
        return i == d && !(d == 0 && 1 / d < 0) ? Int32.of(i) : Float32.of((float) d);
    }

    @Override
    public LuaValue fromLuaj(int i) {
        return Int32.of(i);
    }

    @Override
    public double exact(LuaValue v) {
        return exactOf(v);
    }

    @Override
    public int integer(LuaValue v) {
        return integerOf(v);
    }

    static boolean isInteger(LuaValue v) {
        return v instanceof Int32 || v instanceof LuaInteger;
    }

    /** An arithmetic operand: a number, or a string that converts to one (lvm.c cvt2num); null otherwise. */
    static LuaValue operandOf(LuaValue v) {
        if (v instanceof LuaNumber) {
            return v;
        }
        return v.type() == LuaValue.TSTRING ? NumberText.parse(v.tojstring()) : null;
    }

    static float toFloat(LuaValue v) {
        return v instanceof Float32 f ? f.v : isInteger(v) ? (float) v.toint() : (float) v.todouble();
    }

    static double exactOf(LuaValue v) {
        return isInteger(v) ? v.toint() : toFloat(v);
    }

    /** lua_numbertointeger: integral and within [-2^31, 2^31). */
    static boolean fitsInt(double d) {
        return d == Math.floor(d) && d >= -2147483648.0 && d < 2147483648.0;
    }

    /** luaV_tointeger, exact mode: the integer a number stands for, or 5.3's error. */
    static int integerOf(LuaValue v) {
        if (isInteger(v)) {
            return v.toint();
        }
        double d = toFloat(v);
        if (!fitsInt(d)) {
            throw new LuaError("number has no integer representation");
        }
        return (int) d;
    }

    @Override
    public LuaValue add(LuaValue a, LuaValue b) {
        return isInteger(a) && isInteger(b) ? Int32.of(a.toint() + b.toint()) : Float32.of(toFloat(a) + toFloat(b));
    }

    @Override
    public LuaValue sub(LuaValue a, LuaValue b) {
        return isInteger(a) && isInteger(b) ? Int32.of(a.toint() - b.toint()) : Float32.of(toFloat(a) - toFloat(b));
    }

    @Override
    public LuaValue mul(LuaValue a, LuaValue b) {
        return isInteger(a) && isInteger(b) ? Int32.of(a.toint() * b.toint()) : Float32.of(toFloat(a) * toFloat(b));
    }

    @Override
    public LuaValue div(LuaValue a, LuaValue b) {
        return Float32.of(toFloat(a) / toFloat(b));
    }

    @Override
    public LuaValue pow(LuaValue a, LuaValue b) {
        // llimits.h luai_numpow: powf
        return Float32.of((float) Math.pow(toFloat(a), toFloat(b)));
    }

    @Override
    public LuaValue mod(LuaValue a, LuaValue b) {
        if (isInteger(a) && isInteger(b)) {
            int m = b.toint();
            if (m == 0) {
                throw new LuaError("attempt to perform 'n%0'");
            }
            if (m == -1) {
                return Int32.of(0);
            }
            int r = a.toint() % m;
            return Int32.of(r != 0 && (r ^ m) < 0 ? r + m : r);
        }
        float x = toFloat(a);
        float y = toFloat(b);
        float m = x % y; // Java's float remainder is C's fmodf (llimits.h luai_nummod, not the ESP8266 one)
        if (m * y < 0) {
            m += y;
        }
        return Float32.of(m);
    }

    LuaValue floorDivide(LuaValue a, LuaValue b) {
        if (isInteger(a) && isInteger(b)) {
            int d = b.toint();
            if (d == 0) {
                throw new LuaError("attempt to perform 'n//0'");
            }
            return Int32.of(d == -1 ? -a.toint() : Math.floorDiv(a.toint(), d));
        }
        return Float32.of((float) Math.floor(toFloat(a) / toFloat(b)));
    }

    @Override
    public LuaValue neg(LuaValue a) {
        if (isInteger(a)) {
            return Int32.of(-a.toint());
        }
        float f = toFloat(a);
        return f != f ? Float32.rawNan(Float.intBitsToFloat(Float.floatToRawIntBits(f) ^ 0x80000000)) : Float32.of(-f);
    }

    /** lvm.c luaV_shiftl: a shift of 32 or more bits gives 0; negative shifts the other way; logical. */
    static int shiftLeft(int x, int y) {
        if (y < 0) {
            return y <= -32 ? 0 : x >>> -y;
        }
        return y >= 32 ? 0 : x << y;
    }
}
