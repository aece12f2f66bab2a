package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's utf8 library (lutf8lib.c of Lua 5.3.5). Non-ASCII text is written with \x escapes. */
@Timeout(60)
class Utf8LibraryTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private String run(String line) {
        return board.type(line + "\n");
    }

    @Test
    void charEncodesCodePointsUpToU10FFFF() {
        assertThat(run("print(utf8.char(72, 228, 8364, 1114111):byte(1, -1))"))
                .contains("\n72\t195\t164\t226\t130\t172\t244\t143\t191\t191\n");
        assertThat(run("print(#utf8.char(), utf8.char(65))")).contains("\n0\tA\n");
        assertThat(run("x = utf8.char(1114112)")).contains("stdin:1: bad argument #1 to 'char' (value out of range)");
        assertThat(run("x = utf8.char(65, -1)")).contains("stdin:1: bad argument #2 to 'char' (value out of range)");
        assertThat(run("x = utf8.char('a')")).contains("stdin:1: bad argument #1 to 'char' (number expected, got string)");
    }

    @Test
    void charpatternMatchesOneSequence() {
        assertThat(run("print(#utf8.charpattern, ('h\\xc3\\xa4!'):match(utf8.charpattern, 2):byte(1, -1))"))
                .contains("\n14\t195\t164\n");
    }

    @Test
    void lenCountsCharactersOrReturnsNilAndThePositionOfTheFirstInvalidByte() {
        assertThat(run("print(utf8.len('h\\xc3\\xa4ll\\xe2\\x82\\xac'))")).contains("\n5\n");
        assertThat(run("print(utf8.len('ab\\xffcd'))")).contains("\nnil\t3\n");
        assertThat(run("print(utf8.len('\\xc0\\x80'))")).contains("\nnil\t1\n"); // overlong
        assertThat(run("print(utf8.len('abc', 4), utf8.len('abc', -1))")).contains("\n0\t1\n");
        assertThat(run("x = utf8.len('abc', 5)")).contains("bad argument #2 to 'len' (initial position out of string)");
        assertThat(run("x = utf8.len('abc', 1, 4)")).contains("bad argument #3 to 'len' (final position out of string)");
    }

    @Test
    void codepointReturnsTheCodesOfTheCharactersStartingInTheRange() {
        assertThat(run("print(utf8.codepoint('h\\xc3\\xa4x', 1, -1))")).contains("\n104\t228\t120\n");
        assertThat(run("print(utf8.codepoint('abc'), select('#', utf8.codepoint('abc', 3, 2)))")).contains("\n97\t0\n");
        assertThat(run("x = utf8.codepoint('\\xff')")).contains("Lua error: \tstdin:1: invalid UTF-8 code\n");
        assertThat(run("x = utf8.codepoint('abc', 0)")).contains("bad argument #2 to 'codepoint' (out of range)");
        assertThat(run("x = utf8.codepoint('abc', 1, 4)")).contains("bad argument #3 to 'codepoint' (out of range)");
    }

    @Test
    void offsetFindsTheNthCharacter() {
        assertThat(run("print(utf8.offset('h\\xc3\\xa4\\xe2\\x82\\xacx', 3), utf8.offset('h\\xc3\\xa4\\xe2\\x82\\xacx', -1),"
                + " utf8.offset('a', 5), utf8.offset('h\\xc3\\xa4', 0, 3))")).contains("\n4\t7\tnil\t2\n");
        assertThat(run("x = utf8.offset('\\xc3\\xa4', 1, 2)"))
                .contains("Lua error: \tstdin:1: initial position is a continuation byte\n");
        assertThat(run("x = utf8.offset('abc', 1, 5)")).contains("bad argument #3 to 'offset' (position out of range)");
    }

    @Test
    void codesIteratesPositionsAndCodes() {
        assertThat(run("for p, c in utf8.codes('h\\xc3\\xa4\\xe2\\x82\\xac') do io_ = (io_ or '') .. p .. ':' .. c .. ' ' end print(io_)"))
                .contains("\n1:104 2:228 4:8364 \n");
        assertThat(run("for p, c in utf8.codes('a\\xff') do end")).contains("Lua error: \tstdin:1: invalid UTF-8 code\n");
        assertThat(run("x = utf8.codes()")).contains("bad argument #1 to 'codes' (string expected, got no value)");
    }

    @Test
    void utf8IsALoadedModule() {
        assertThat(run("print(require('utf8') == utf8)")).contains("\ntrue\n");
    }
}
