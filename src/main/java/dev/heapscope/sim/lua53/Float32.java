package dev.heapscope.sim.lua53;

/** The 5.3 float subtype of the {@code singlefp} build: a Java float, IEEE single as the ESP32's FPU. */
final class Float32 extends BoardNumber {
    /**
     * The NaN every operation gives, fixed so that all hosts print the same: the Xtensa FPU's default NaN
     * (sign bit clear, printed {@code nan}); only unary minus makes {@code -nan}.
     */
    static final Float32 NAN = new Float32(Float.intBitsToFloat(0x7fc00000));

    final float v;

    private Float32(float v) {
        this.v = v;
    }

    static Float32 of(float v) {
        return v != v ? NAN : new Float32(v);
    }

    /** Only where 5.3 flips a NaN's sign (unary minus): keeps {@code -(0/0)} printing {@code nan}. */
    static Float32 rawNan(float v) {
        return new Float32(v);
    }

    @Override Arithmetic arith() { return Arith53.INSTANCE; }

    @Override double exact() { return v; }

    @Override String text() { return NumberText.floatText(v); }

    /** A float with an integer value is the same table key as that integer (ltable.c luaH_get). */
    @Override public boolean isinttype() { return Arith53.fitsInt(v); }
    @Override public boolean islong() { return isinttype(); }
    /**
     * LuaJ's libraries take integer arguments as {@code checknumber().toint()}: refusing here is what makes
     * {@code string.rep('x', 1.5)} fail as luaL_checkinteger does on the board.
     */
    @Override public int toint() { return Arith53.integerOf(this); }

    @Override public int hashCode() {
        if (Arith53.fitsInt(v)) {
            return (int) v;
        }
        long bits = Double.doubleToLongBits((double) v + 1);
        return (int) (bits >> 32) + (int) bits;
    }

    @Override public boolean isvalidkey() { return v == v; }
}
