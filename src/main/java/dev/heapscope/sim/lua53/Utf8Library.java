package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.io.ByteArrayOutputStream;

/** Lua 5.3.5's {@code utf8} library (lutf8lib.c): code points up to U+10FFFF, at most four bytes, no overlongs. */
final class Utf8Library {
    private static final int MAX_UNICODE = 0x10FFFF;
    private static final int[] LIMITS = {0xFF, 0x7F, 0x7FF, 0xFFFF};
    // a Lua pattern for one UTF-8 sequence, NUL byte included
    private static final String CHAR_PATTERN = "[\0-\u007F\u00C2-\u00F4][\u0080-\u00BF]*";

    private final Libraries libs;

    Utf8Library(Libraries libs) {
        this.libs = libs;
    }

    LuaTable table() {
        LuaTable utf8 = new LuaTable();
        utf8.set("charpattern", LuaString.valueOf(CHAR_PATTERN.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        libs.put(utf8, "char", this::chars);
        libs.put(utf8, "codepoint", this::codepoint);
        libs.put(utf8, "len", this::len);
        libs.put(utf8, "offset", this::offset);
        LuaValue step = Libraries.function("codes_step", this::codesStep);
        libs.put(utf8, "codes", args -> {
            libs.args("codes").checkString(args, 1);
            return LuaValue.varargsOf(step, args.arg(1), libs.numbers.integer(0));
        });
        return utf8;
    }

    private static boolean continuation(LuaString s, long at) {
        return at < s.m_length && (s.luaByte((int) at) & 0xC0) == 0x80;
    }

    /** Length of the valid sequence at {@code at} (its code point in {@code code[0]}), or -1. */
    private static int decode(LuaString s, int at, int[] code) {
        int c = at < s.m_length ? s.luaByte(at) : 0;
        if (c < 0x80) {
            code[0] = c;
            return 1;
        }
        int count = 0;
        int result = 0;
        while ((c & 0x40) != 0) {
            int next = at + ++count < s.m_length ? s.luaByte(at + count) : 0;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            result = (result << 6) | (next & 0x3F);
            c <<= 1;
        }
        result |= (c & 0x7F) << (count * 5);
        if (count > 3 || result > MAX_UNICODE || result <= LIMITS[count]) {
            return -1;
        }
        code[0] = result;
        return count + 1;
    }

    /** strlib's position translation: negative counts back from the end, too far back is 0. */
    static long relative(long position, long length) {
        if (position >= 0) {
            return position;
        }
        return -position > length ? 0 : length + position + 1;
    }

    private Varargs len(Varargs args) {
        LibArgs check = libs.args("len");
        LuaString s = check.checkString(args, 1);
        long from = relative(check.optInteger(args, 2, 1), s.m_length);
        long to = relative(check.optInteger(args, 3, -1), s.m_length);
        check.check(1 <= from && --from <= s.m_length, 2, "initial position out of string");
        check.check(--to < s.m_length, 3, "final position out of string");
        libs.meter.spend((to - from) / WorkMeter.BYTES_PER_WORK);
        int[] code = new int[1];
        long n = 0;
        while (from <= to) {
            int length = decode(s, (int) from, code);
            if (length < 0) {
                return LuaValue.varargsOf(LuaValue.NIL, libs.numbers.integer(from + 1));
            }
            from += length;
            n++;
        }
        return libs.numbers.integer(n);
    }

    private Varargs codepoint(Varargs args) {
        LibArgs check = libs.args("codepoint");
        LuaString s = check.checkString(args, 1);
        long from = relative(check.optInteger(args, 2, 1), s.m_length);
        long to = relative(check.optInteger(args, 3, from), s.m_length);
        check.check(from >= 1, 2, "out of range");
        check.check(to <= s.m_length, 3, "out of range");
        if (from > to) {
            return LuaValue.NONE;
        }
        // lutf8lib.c codepoint: one stack slot per byte of the slice, checked before any is pushed
        if (to - from >= Integer.MAX_VALUE) {
            throw new LuaError("string slice too long");
        }
        if (!libs.meter.stackFits(to - from + 1)) {
            throw new LuaError("stack overflow (string slice too long)");
        }
        libs.meter.spend((to - from) / WorkMeter.BYTES_PER_WORK);
        java.util.List<LuaValue> codes = new java.util.ArrayList<>();
        int[] code = new int[1];
        for (int at = (int) from - 1; at < to; ) {
            int length = decode(s, at, code);
            if (length < 0) {
                throw new LuaError("invalid UTF-8 code");
            }
            codes.add(libs.numbers.integer(code[0]));
            at += length;
        }
        return LuaValue.varargsOf(codes.toArray(new LuaValue[0]));
    }

    private Varargs chars(Varargs args) {
        LibArgs check = libs.args("char");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= args.narg(); i++) {
            long code = check.checkInteger(args, i);
            check.check(0 <= code && code <= MAX_UNICODE, i, "value out of range");
            encode((int) code, out);
        }
        if (args.narg() == 0) {
            // luaL_checkinteger(L, 1) is never reached with no arguments: the buffer stays empty
            return LuaValue.valueOf("");
        }
        return LuaString.valueOf(out.toByteArray());
    }

    static void encode(int code, ByteArrayOutputStream out) {
        if (code < 0x80) {
            out.write(code);
        } else if (code < 0x800) {
            out.write(0xC0 | code >> 6);
            out.write(0x80 | code & 0x3F);
        } else if (code < 0x10000) {
            out.write(0xE0 | code >> 12);
            out.write(0x80 | code >> 6 & 0x3F);
            out.write(0x80 | code & 0x3F);
        } else {
            out.write(0xF0 | code >> 18);
            out.write(0x80 | code >> 12 & 0x3F);
            out.write(0x80 | code >> 6 & 0x3F);
            out.write(0x80 | code & 0x3F);
        }
    }

    private Varargs offset(Varargs args) {
        LibArgs check = libs.args("offset");
        LuaString s = check.checkString(args, 1);
        long n = check.checkInteger(args, 2);
        long at = relative(check.optInteger(args, 3, n >= 0 ? 1 : s.m_length + 1), s.m_length);
        check.check(1 <= at && --at <= s.m_length, 3, "position out of range");
        long start = at;
        if (n == 0) {
            while (at > 0 && continuation(s, at)) {
                at--;
            }
        } else {
            if (continuation(s, at)) {
                throw new LuaError("initial position is a continuation byte");
            }
            if (n < 0) {
                while (n < 0 && at > 0) {
                    do {
                        at--;
                    } while (at > 0 && continuation(s, at));
                    n++;
                }
            } else {
                n--;
                while (n > 0 && at < s.m_length) {
                    do {
                        at++;
                    } while (continuation(s, at));
                    n--;
                }
            }
        }
        libs.meter.spend(Math.abs(at - start) / WorkMeter.BYTES_PER_WORK); // after: the walk is bounded by the string
        return n == 0 ? libs.numbers.integer(at + 1) : LuaValue.NIL;
    }

    private Varargs codesStep(Varargs args) {
        LuaString s = libs.args("for iterator").checkString(args, 1);
        long n = (long) args.arg(2).todouble() - 1;
        if (n < 0) {
            n = 0;
        } else if (n < s.m_length) {
            n++;
            while (continuation(s, n)) {
                n++;
            }
        }
        if (n >= s.m_length) {
            return LuaValue.NONE;
        }
        int[] code = new int[1];
        int length = decode(s, (int) n, code);
        if (length < 0 || continuation(s, n + length)) {
            throw new LuaError("invalid UTF-8 code");
        }
        return LuaValue.varargsOf(libs.numbers.integer(n + 1), libs.numbers.integer(code[0]));
    }
}
