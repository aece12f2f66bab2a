package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;

/**
 * Reads a {@code string.pack} format one option at a time, as lstrlib.c's {@code getdetails} does: the
 * option's kind, its size and the padding its alignment needs at the current offset. Sizes are the
 * board's C sizes (xtensa: int, long, size_t and lua_Integer 4 bytes, lua_Number a 4-byte float).
 */
final class PackFormat {
    enum Kind { INT, UINT, FLOAT, CHAR, STRING, ZSTR, PADDING, PADDALIGN, NOP }

    static final int INT_SIZE = 4;
    static final int LONG_SIZE = 4;
    static final int SIZE_T_SIZE = 4;
    static final int LUA_INTEGER_SIZE = 4;
    static final int LUA_NUMBER_SIZE = 4;
    // offsetof(struct cD, u): the union holds a double, which the xtensa ABI aligns to 8
    static final int MAX_ALIGN = 8;
    private static final int MAX_INT_SIZE = 16;
    private static final int MAX_SIZE = Integer.MAX_VALUE;

    private final LuaString format;
    private final LibArgs check;
    private int at;
    private boolean little = true;
    private int maxAlign = 1;

    Kind kind;
    int size;
    int padding;

    PackFormat(LuaString format, LibArgs check) {
        this.format = format;
        this.check = check;
    }

    /** C reads the format up to its first NUL byte. */
    boolean more() {
        return at < format.m_length && format.luaByte(at) != 0;
    }

    boolean little() {
        return little;
    }

    /** Reads the next option; {@code offset} is the result's size so far (for alignment). */
    void next(long offset) {
        kind = option();
        int align = size;
        if (kind == Kind.PADDALIGN) {
            int ownSize = size;
            if (!more()) {
                throw check.error(1, "invalid next option for option 'X'");
            }
            Kind following = option();
            align = size;
            size = ownSize;
            if (following == Kind.CHAR || align == 0) {
                throw check.error(1, "invalid next option for option 'X'");
            }
        }
        if (align <= 1 || kind == Kind.CHAR) {
            padding = 0;
        } else {
            if (align > maxAlign) {
                align = maxAlign;
            }
            if ((align & (align - 1)) != 0) {
                throw check.error(1, "format asks for alignment not power of 2");
            }
            padding = (int) ((align - (offset & (align - 1))) & (align - 1));
        }
    }

    private Kind option() {
        int option = format.luaByte(at++);
        size = 0;
        switch (option) {
            case 'b': size = 1; return Kind.INT;
            case 'B': size = 1; return Kind.UINT;
            case 'h': size = 2; return Kind.INT;
            case 'H': size = 2; return Kind.UINT;
            case 'l': size = LONG_SIZE; return Kind.INT;
            case 'L': size = LONG_SIZE; return Kind.UINT;
            case 'j': size = LUA_INTEGER_SIZE; return Kind.INT;
            case 'J': size = LUA_INTEGER_SIZE; return Kind.UINT;
            case 'T': size = SIZE_T_SIZE; return Kind.UINT;
            case 'f': size = 4; return Kind.FLOAT;
            case 'd': size = 8; return Kind.FLOAT;
            case 'n': size = LUA_NUMBER_SIZE; return Kind.FLOAT;
            case 'i': size = limitedNumber(INT_SIZE); return Kind.INT;
            case 'I': size = limitedNumber(INT_SIZE); return Kind.UINT;
            case 's': size = limitedNumber(SIZE_T_SIZE); return Kind.STRING;
            case 'c':
                size = number(-1);
                if (size == -1) {
                    throw new LuaError("missing size for format option 'c'");
                }
                return Kind.CHAR;
            case 'z': return Kind.ZSTR;
            case 'x': size = 1; return Kind.PADDING;
            case 'X': return Kind.PADDALIGN;
            case ' ': return Kind.NOP;
            case '<', '=': little = true; return Kind.NOP;
            case '>': little = false; return Kind.NOP;
            case '!': maxAlign = limitedNumber(MAX_ALIGN); return Kind.NOP;
            default: throw new LuaError("invalid format option '" + (char) option + "'");
        }
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private int number(int absent) {
        if (!more() || !digit(format.luaByte(at))) {
            return absent;
        }
        int value = 0;
        do {
            value = value * 10 + (format.luaByte(at++) - '0');
        } while (more() && digit(format.luaByte(at)) && value <= (MAX_SIZE - 9) / 10);
        return value;
    }

    private int limitedNumber(int absent) {
        int value = number(absent);
        if (value > MAX_INT_SIZE || value <= 0) {
            throw new LuaError("integral size (" + value + ") out of limits [1," + MAX_INT_SIZE + "]");
        }
        return value;
    }
}
