package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** string.pack/unpack/packsize with lstrlib.c's format language and the board's C sizes (xtensa, 32-bit lua_Integer). */
@Timeout(60)
class StringPackingTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private String run(String line) {
        return board.type(line + "\n");
    }

    @Test
    void packsizeUsesTheBoardsCSizes() {
        // i, l, j, T, n: 4 bytes; f 4, d 8; h 2, b 1
        assertThat(run("print(string.packsize('i'), string.packsize('l'), string.packsize('j'), string.packsize('T'),"
                + " string.packsize('n'), string.packsize('f'), string.packsize('d'), string.packsize('hb'))"))
                .contains("\n4\t4\t4\t4\t4\t4\t8\t3\n");
        // '!' aligns to the option's size up to the native maximum alignment (8, that of double)
        assertThat(run("print(string.packsize('!bi8'), string.packsize('!4bd'), string.packsize('bi8'), string.packsize('!bXi4'))"))
                .contains("\n16\t12\t9\t4\n");
    }

    @Test
    void packWritesLittleEndianByDefaultAndHonoursEndianMarks() {
        assertThat(run("print(string.pack('i4', 0x01020304):byte(1, -1))")).contains("\n4\t3\t2\t1\n");
        assertThat(run("print(string.pack('>i4', 0x01020304):byte(1, -1))")).contains("\n1\t2\t3\t4\n");
        assertThat(run("print(string.pack('<h>h', 1, 1):byte(1, -1))")).contains("\n1\t0\t0\t1\n");
        assertThat(run("print(string.pack('i8', -2):byte(1, -1))")).contains("\n254\t255\t255\t255\t255\t255\t255\t255\n");
        assertThat(run("print(string.pack('>s2z c3', 'hi', 'ok', 'x'):byte(1, -1))"))
                .contains("\n0\t2\t104\t105\t111\t107\t0\t120\t0\t0\n");
    }

    @Test
    void unpackReadsBackValuesAndTheNextPosition() {
        assertThat(run("print(string.unpack('<i4', string.pack('<i4', -2)))")).contains("\n-2\t5\n");
        assertThat(run("print(string.unpack('>I2 B', '\\1\\2\\255'))")).contains("\n258\t255\t4\n");
        assertThat(run("print(string.unpack('z c2 s1', 'hello\\0ab\\2xy'))")).contains("\nhello\tab\txy\t12\n");
        assertThat(run("print(string.unpack('b', '\\200'), string.unpack('i2', 'xx\\1\\0', 3))")).contains("\n-56\t1\t5\n");
        // an unsigned 32-bit field is a lua_Integer of 32 bits: 0xFFFFFFFF reads back as -1
        assertThat(run("print(string.unpack('I4', '\\255\\255\\255\\255'))")).contains("\n-1\t5\n");
        assertThat(run("print(string.unpack('<i8', string.pack('<i8', -7)))")).contains("\n-7\t9\n");
    }

    @Test
    void floatsRoundTrip() {
        assertThat(run("print(string.unpack('<f', string.pack('<f', 0.5)) == 0.5, #string.pack('n', 1.5), #string.pack('d', 1.5))"))
                .contains("\ntrue\t4\t8\n");
        assertThat(run("print(string.pack('<f', 1):byte(1, -1))")).contains("\n0\t0\t128\t63\n");
    }

    @Test
    void errorsAreWordedAsLstrlib() {
        assertThat(run("x = string.pack('i1', 200)")).contains("stdin:1: bad argument #2 to 'pack' (integer overflow)");
        assertThat(run("x = string.pack('I1', -1)")).contains("stdin:1: bad argument #2 to 'pack' (unsigned overflow)");
        assertThat(run("x = string.pack('y', 1)")).contains("Lua error: \tstdin:1: invalid format option 'y'\n");
        assertThat(run("x = string.pack('i17', 1)")).contains("stdin:1: integral size (17) out of limits [1,16]");
        assertThat(run("x = string.pack('c', 'a')")).contains("stdin:1: missing size for format option 'c'");
        assertThat(run("x = string.pack('c1', 'ab')")).contains("bad argument #2 to 'pack' (string longer than given size)");
        assertThat(run("x = string.pack('z', 'a\\0b')")).contains("bad argument #2 to 'pack' (string contains zeros)");
        assertThat(run("x = string.pack('s1', ('x'):rep(256))"))
                .contains("bad argument #2 to 'pack' (string length does not fit in given size)");
        assertThat(run("x = string.pack('i4')")).contains("bad argument #2 to 'pack' (number expected, got no value)");
        assertThat(run("x = string.pack('!3i4', 1)")).contains("bad argument #1 to 'pack' (format asks for alignment not power of 2)");
        assertThat(run("x = string.pack('Xc1')")).contains("bad argument #1 to 'pack' (invalid next option for option 'X')");
        assertThat(run("x = string.unpack('i4', 'ab')")).contains("bad argument #2 to 'unpack' (data string too short)");
        assertThat(run("x = string.unpack('i4', 'abcd', 6)")).contains("bad argument #3 to 'unpack' (initial position out of string)");
        assertThat(run("x = string.unpack('i8', '\\0\\0\\0\\0\\1\\0\\0\\0')"))
                .contains("Lua error: \tstdin:1: 8-byte integer does not fit into Lua Integer\n");
        assertThat(run("x = string.packsize('s')")).contains("bad argument #1 to 'packsize' (variable-length format)");
        assertThat(run("x = string.packsize('c1000000000c1000000000c1000000000')")).contains("bad argument #1 to 'packsize' (format result too large)");
    }

    @Test
    void methodCallsNumberFromAfterSelf() {
        assertThat(run("x = ('i1'):pack(300)")).contains("stdin:1: bad argument #1 to 'pack' (integer overflow)");
    }
}
