package dev.heapscope.sim.lua53;

/** The only number of the legacy {@code 5.1-doublefp} build: a double, printed with {@code "%.14g"}. */
final class Double64 extends BoardNumber {
    private static final Double64[] SMALL = new Double64[1280];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new Double64(i - 256);
        }
    }

    final double v;

    private Double64(double v) {
        this.v = v;
    }

    /** The NaN of every operation, the same on every host (sign clear, as Float32's); only -x flips it. */
    static final Double64 NAN = new Double64(Double.NaN);

    static Double64 of(double v) {
        if (v != v) {
            return NAN;
        }
        int i = (int) v;
        return i == v && i >= -256 && i < 1024 && !(v == 0 && 1 / v < 0) ? SMALL[i + 256] : new Double64(v);
    }

    static Double64 negatedNan(double nan) {
        return new Double64(Double.longBitsToDouble(Double.doubleToRawLongBits(nan) ^ Long.MIN_VALUE));
    }

    @Override Arithmetic arith() { return Arith51.INSTANCE; }

    @Override double exact() { return v; }

    @Override String text() { return NumberText.doubleText(v); }

    @Override public boolean isint() { return Arith53.fitsInt(v); }
    @Override public boolean isinttype() { return Arith53.fitsInt(v); }
    @Override public boolean islong() { return v == (long) v; }
    @Override public int toint() { return (int) (long) v; }
    /** lua_Integer casts in 5.1 truncate; nothing is refused. */
    @Override public int checkint() { return (int) (long) v; }

    @Override public int hashCode() {
        if (Arith53.fitsInt(v)) {
            return (int) v;
        }
        long bits = Double.doubleToLongBits(v + 1);
        return (int) (bits >> 32) + (int) bits;
    }

    @Override public boolean isvalidkey() { return v == v; }
}
