package dev.heapscope.sim.lua53;

/** The UTF-8 bytes of a code point up to 0x10FFFF, as lobject.c luaO_utf8esc writes them (surrogates too). */
final class Utf8 {
    private Utf8() {
    }

    static byte[] encode(int code) {
        if (code < 0x80) {
            return new byte[]{(byte) code};
        }
        if (code < 0x800) {
            return new byte[]{(byte) (0xC0 | code >> 6), continuation(code)};
        }
        if (code < 0x10000) {
            return new byte[]{(byte) (0xE0 | code >> 12), continuation(code >> 6), continuation(code)};
        }
        return new byte[]{(byte) (0xF0 | code >> 18), continuation(code >> 12), continuation(code >> 6), continuation(code)};
    }

    private static byte continuation(int bits) {
        return (byte) (0x80 | bits & 0x3F);
    }
}
