package dev.heapscope.symbols;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A little-endian read position in a slice of a file's bytes; every read is bounds-checked. Positions are
 * file offsets even when {@code bytes} holds only a copy of one section ({@code base} is the file offset
 * of its first byte), so readers never care whether the file was read whole or a section at a time.
 */
final class ByteCursor {
    private final byte[] bytes;
    private final int base;
    private final int end;
    private final String what;
    private int position;

    ByteCursor(byte[] bytes, int start, int end, String what) {
        this(bytes, 0, start, end, what);
    }

    ByteCursor(byte[] bytes, int base, int start, int end, String what) {
        this.bytes = bytes;
        this.base = base;
        this.position = start;
        this.end = end;
        this.what = what;
    }

    int position() {
        return position;
    }

    void seek(int newPosition) throws IOException {
        if (newPosition < base || newPosition > end) {
            throw truncated();
        }
        position = newPosition;
    }

    boolean hasMore() {
        return position < end;
    }

    int end() {
        return end;
    }

    private void need(int count) throws IOException {
        if (count < 0 || end - position < count) {
            throw truncated();
        }
    }

    IOException truncated() {
        return new IOException(what + " is truncated or corrupt (a read past its end at byte " + position + ")");
    }

    int u8() throws IOException {
        need(1);
        return bytes[position++ - base] & 0xFF;
    }

    byte s8() throws IOException {
        need(1);
        return bytes[position++ - base];
    }

    int u16() throws IOException {
        need(2);
        int at = position - base;
        int value = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    /** An unsigned 32-bit value, returned in an int (callers treat it as unsigned). */
    int u32() throws IOException {
        need(4);
        int at = position - base;
        int value = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8
                | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
        position += 4;
        return value;
    }

    long u64() throws IOException {
        long low = u32() & 0xFFFFFFFFL;
        long high = u32() & 0xFFFFFFFFL;
        return high << 32 | low;
    }

    /** An unsigned value of {@code size} bytes (1, 2, 4 or 8). */
    long unsigned(int size) throws IOException {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32() & 0xFFFFFFFFL;
            case 8 -> u64();
            default -> throw new IOException(what + ": unsupported field size " + size);
        };
    }

    long uleb() throws IOException {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    long sleb() throws IOException {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A NUL-terminated UTF-8 string starting here. */
    String cString() throws IOException {
        int start = position;
        while (true) {
            need(1);
            if (bytes[position++ - base] == 0) {
                return new String(bytes, start - base, position - 1 - start, StandardCharsets.UTF_8);
            }
        }
    }

    void skip(long count) throws IOException {
        if (count < 0 || count > end - position) {
            throw truncated();
        }
        position += (int) count;
    }
}
