package dev.heapscope.sim.lib;

import java.io.ByteArrayOutputStream;

/** How sjson.c turns JSON string bytes into Lua string bytes and back ({@code push_string}, {@code encode_lua_object}). */
final class SjsonStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SjsonStrings() {
    }

    /** push_string: the bytes between the quotes, escapes resolved; {@code \\u} to UTF-8, surrogates to '?'. */
    static byte[] unescape(byte[] buffer, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            int c = buffer[i] & 0xff;
            if (c == '\\' && i + 1 < to) {
                c = buffer[++i] & 0xff;
                switch (c) {
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'n' -> c = '\n';
                    case 'r' -> c = '\r';
                    case 't' -> c = '\t';
                    case 'u' -> {
                        int code = 0;
                        for (int k = 0; k < 4 && i + 1 < to; k++) {
                            code = (code << 4) + fromHex(buffer[++i]);
                        }
                        utf8(out, code);
                        continue;
                    }
                    default -> {
                    }
                }
            }
            out.write(c);
        }
        return out.toByteArray();
    }

    private static int fromHex(byte c) {
        return c <= '9' ? c & 0xf : (c - 'A' + 10) & 0xf;
    }

    private static void utf8(ByteArrayOutputStream out, int c) {
        if (c < 0x80) {
            out.write(c);
        } else if (c < 0x800) {
            out.write(192 + c / 64);
            out.write(128 + c % 64);
        } else if (c >= 0xd800 && c < 0xe000) {
            out.write('?');
        } else {
            out.write(224 + c / 4096);
            out.write(128 + c / 64 % 64);
            out.write(128 + c % 64);
        }
    }

    /** encode_lua_object for a string: quoted, {@code "} escaped, control bytes as {@code \n} or {@code \\u00XX}. */
    static void quote(ByteArrayOutputStream out, byte[] bytes, int offset, int length) {
        out.write('"');
        for (int i = offset; i < offset + length; i++) {
            int c = bytes[i] & 0xff;
            if (c < 0x20) {
                out.write('\\');
                switch (c) {
                    case '\f' -> out.write('f');
                    case '\n' -> out.write('n');
                    case '\t' -> out.write('t');
                    case '\r' -> out.write('r');
                    case '\b' -> out.write('b');
                    default -> {
                        out.write('u');
                        out.write('0');
                        out.write('0');
                        out.write(HEX[c >> 4]);
                        out.write(HEX[c & 0xf]);
                    }
                }
            } else if (c == '"') {
                out.write('\\');
                out.write('"');
            } else {
                out.write(c); // sic: sjson.c leaves a backslash unescaped
            }
        }
        out.write('"');
    }
}
