package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** {@code string.pack}, {@code string.unpack} and {@code string.packsize} of Lua 5.3.5 (lstrlib.c) with the board's C sizes. */
final class StringPacking {
    private static final int INTEGER_SIZE = PackFormat.LUA_INTEGER_SIZE;
    private static final int MAX_SIZE = Integer.MAX_VALUE;

    private final Libraries libs;

    StringPacking(Libraries libs) {
        this.libs = libs;
    }

    Varargs pack(Varargs args) {
        LibArgs check = libs.args("pack");
        PackFormat format = new PackFormat(check.checkString(args, 1), check);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 1;
        long total = 0;
        while (format.more()) {
            format.next(total);
            int size = format.size;
            total += format.padding + size;
            // the result so far, claimed before it is written: 'c1000000000' pads a gigabyte on a board with 300 KB
            libs.meter.reserve(total);
            libs.meter.spend((format.padding + size) / WorkMeter.BYTES_PER_WORK);
            for (int i = 0; i < format.padding; i++) {
                out.write(0);
            }
            arg++;
            switch (format.kind) {
                case INT -> {
                    long n = check.checkInteger(args, arg);
                    if (size < INTEGER_SIZE) {
                        long limit = 1L << (size * 8 - 1);
                        check.check(-limit <= n && n < limit, arg, "integer overflow");
                    }
                    writeInteger(out, n, format.little(), size, n < 0);
                }
                case UINT -> {
                    long n = check.checkInteger(args, arg);
                    if (size < INTEGER_SIZE) {
                        // compared as lua_Unsigned: a negative number is a huge one
                        check.check((n & 0xFFFFFFFFL) < (1L << (size * 8)), arg, "unsigned overflow");
                    }
                    writeInteger(out, n, format.little(), size, false);
                }
                case FLOAT -> {
                    double n = check.checkNumber(args, arg);
                    long bits = size == 4 ? Float.floatToRawIntBits((float) n) & 0xFFFFFFFFL : Double.doubleToRawLongBits(n);
                    writeBytes(out, bits, format.little(), size);
                }
                case CHAR -> {
                    LuaString s = check.checkString(args, arg);
                    check.check(s.m_length <= size, arg, "string longer than given size");
                    out.write(s.m_bytes, s.m_offset, s.m_length);
                    for (int i = s.m_length; i < size; i++) {
                        out.write(0);
                    }
                }
                case STRING -> {
                    LuaString s = check.checkString(args, arg);
                    check.check(size >= PackFormat.SIZE_T_SIZE || s.m_length < (1L << (size * 8)), arg,
                            "string length does not fit in given size");
                    writeInteger(out, s.m_length, format.little(), size, false);
                    out.write(s.m_bytes, s.m_offset, s.m_length);
                    total += s.m_length;
                }
                case ZSTR -> {
                    LuaString s = check.checkString(args, arg);
                    check.check(s.indexOf((byte) 0, 0) < 0, arg, "string contains zeros");
                    out.write(s.m_bytes, s.m_offset, s.m_length);
                    out.write(0);
                    total += s.m_length + 1L;
                }
                case PADDING -> {
                    out.write(0);
                    arg--;
                }
                default -> arg--;
            }
        }
        return LuaString.valueOf(out.toByteArray());
    }

    /** packint: the low bytes of the 32-bit integer, sign-extended with 0xFF beyond lua_Integer's size. */
    private static void writeInteger(ByteArrayOutputStream out, long n, boolean little, int size, boolean negative) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            int b = i < INTEGER_SIZE ? (int) (n >>> (8 * i)) & 0xFF : negative ? 0xFF : 0;
            bytes[little ? i : size - 1 - i] = (byte) b;
        }
        out.write(bytes, 0, size);
    }

    private static void writeBytes(ByteArrayOutputStream out, long bits, boolean little, int size) {
        for (int i = 0; i < size; i++) {
            out.write((int) (bits >>> (8 * (little ? i : size - 1 - i))) & 0xFF);
        }
    }

    Varargs packsize(Varargs args) {
        LibArgs check = libs.args("packsize");
        PackFormat format = new PackFormat(check.checkString(args, 1), check);
        long total = 0;
        while (format.more()) {
            format.next(total);
            long size = (long) format.size + format.padding;
            check.check(total <= MAX_SIZE - size, 1, "format result too large");
            total += size;
            if (format.kind == PackFormat.Kind.STRING || format.kind == PackFormat.Kind.ZSTR) {
                throw check.error(1, "variable-length format");
            }
        }
        return libs.numbers.integer(total);
    }

    Varargs unpack(Varargs args) {
        LibArgs check = libs.args("unpack");
        PackFormat format = new PackFormat(check.checkString(args, 1), check);
        LuaString data = check.checkString(args, 2);
        int length = data.m_length;
        long pos = Utf8Library.relative(check.optInteger(args, 3, 1), length) - 1;
        check.check(pos >= 0 && pos <= length, 3, "initial position out of string");
        List<LuaValue> results = new ArrayList<>();
        while (format.more()) {
            format.next(pos);
            int size = format.size;
            if (pos + format.padding + size > length) {
                throw check.error(2, "data string too short");
            }
            pos += format.padding;
            int at = (int) pos;
            // str_unpack: luaL_checkstack(L, 2, "too many results") before each value
            if ((results.size() & 1023) == 0 && !libs.meter.stackFits(results.size() + 1024L)) {
                throw new LuaError("stack overflow (too many results)");
            }
            switch (format.kind) {
                case INT, UINT -> results.add(libs.numbers.integer(
                        readInteger(data, at, format.little(), size, format.kind == PackFormat.Kind.INT)));
                case FLOAT -> {
                    long bits = readBytes(data, at, format.little(), size);
                    results.add(libs.numbers.floating(size == 4 ? Float.intBitsToFloat((int) bits)
                            : Double.longBitsToDouble(bits)));
                }
                case CHAR -> results.add(data.substring(at, at + size));
                case STRING -> {
                    long len = readInteger(data, at, format.little(), size, false) & 0xFFFFFFFFL;
                    check.check(pos + len + size <= length, 2, "data string too short");
                    results.add(data.substring(at + size, at + size + (int) len));
                    pos += len;
                }
                case ZSTR -> {
                    int end = data.indexOf((byte) 0, at);
                    int len = (end < 0 ? length : end) - at;
                    results.add(data.substring(at, at + len));
                    pos += len + 1L;
                }
                default -> {
                }
            }
            pos += size;
        }
        results.add(libs.numbers.integer(pos + 1));
        return LuaValue.varargsOf(results.toArray(new LuaValue[0]));
    }

    /** unpackint for a 32-bit lua_Integer: wider fields must hold only the sign extension. */
    private static long readInteger(LuaString data, int at, boolean little, int size, boolean signed) {
        int limit = Math.min(size, INTEGER_SIZE);
        long result = 0;
        for (int i = limit - 1; i >= 0; i--) {
            result = (result << 8) | data.luaByte(at + (little ? i : size - 1 - i));
        }
        if (size < INTEGER_SIZE) {
            if (signed) {
                long mask = 1L << (size * 8 - 1);
                result = (result ^ mask) - mask;
            }
        } else {
            int asInteger = (int) result;
            int fill = !signed || asInteger >= 0 ? 0 : 0xFF;
            for (int i = limit; i < size; i++) {
                if (data.luaByte(at + (little ? i : size - 1 - i)) != fill) {
                    throw new LuaError(size + "-byte integer does not fit into Lua Integer");
                }
            }
            result = asInteger;
        }
        return result;
    }

    private static long readBytes(LuaString data, int at, boolean little, int size) {
        long bits = 0;
        for (int i = size - 1; i >= 0; i--) {
            bits = (bits << 8) | data.luaByte(at + (little ? i : size - 1 - i));
        }
        return bits;
    }
}
