package dev.heapscope.sim.lua53;

/** The 5.3 integer subtype of the {@code int32} build: a Java int, so + - * wrap as lua_Integer does. */
final class Int32 extends BoardNumber {
    private static final Int32[] SMALL = new Int32[1280];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new Int32(i - 256);
        }
    }

    final int v;

    private Int32(int v) {
        this.v = v;
    }

    static Int32 of(int v) {
        return v >= -256 && v < 1024 ? SMALL[v + 256] : new Int32(v);
    }

    @Override Arithmetic arith() { return Arith53.INSTANCE; }

    @Override double exact() { return v; }

    @Override String text() { return Integer.toString(v); }

    @Override public boolean isint() { return true; }
    @Override public boolean isinttype() { return true; }
    @Override public boolean islong() { return true; }
    @Override public int toint() { return v; }
    @Override public int checkint() { return v; }
    @Override public int hashCode() { return v; }
    @Override public boolean raweq(int val) { return v == val; }
}
