package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaString;

import java.util.Arrays;

/**
 * A growing string result, as lauxlib's luaL_Buffer: each time its box grows, the new box is claimed from
 * the board's heap first, and the bytes copied are charged as work, so neither a huge nor a slow result
 * escapes the board's limits.
 */
final class MeteredBuffer {
    /** Bytes copied per instruction equivalent charged. */
    private static final int BYTES_PER_WORK = 16;

    private final WorkMeter meter;
    private byte[] bytes = new byte[64];
    private int length;

    MeteredBuffer(WorkMeter meter) {
        this.meter = meter;
    }

    void add(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    void add(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        meter.spend(count / BYTES_PER_WORK);
    }

    void add(LuaString s) {
        add(s.m_bytes, s.m_offset, s.m_length);
    }

    int length() {
        return length;
    }

    LuaString toLuaString() {
        return LuaString.valueUsing(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }

    private void ensure(int more) {
        long needed = (long) length + more;
        if (needed <= bytes.length) {
            return;
        }
        long grown = Math.max(needed, 2L * bytes.length);
        meter.reserve(grown); // throws before the JVM allocates what the board could not
        if (grown > Integer.MAX_VALUE - 16) {
            throw new org.luaj.vm2.LuaError("not enough memory");
        }
        bytes = Arrays.copyOf(bytes, (int) grown);
    }
}
