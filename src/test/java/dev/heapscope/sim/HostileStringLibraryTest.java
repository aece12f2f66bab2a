package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.heapscope.sim.HostileBoard.EXCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: string and utf8 functions and the operators that read long strings are charged per byte, slices that
 * need the Lua stack are checked against the board's, and results are claimed before they are written. The
 * loops below ran for minutes (or for ever) on a budget that counted each call as one instruction.
 */
@Timeout(20)
class HostileStringLibraryTest {
    // locals: each chunk's strings are garbage once it ends, so the next one has the heap again
    private static final String BIG = "local s = ('x'):rep(100000) ";
    private static final String DIGITS = "local s = ('1'):rep(100000) ";
    private final HostileBoard board = new HostileBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aByteSliceLongerThanTheBoardsStackIsRefused() {
        board.refuses(BIG + "x = s:byte(1, -1)\n", "stdin:1: stack overflow (string slice too long)");
        board.refuses("x = string.byte('abc', 1, 1e9)\n=select('#', ('x'):rep(1000):byte(1, -1))\n", "\n1000\n");
        board.refuses(BIG + "x = utf8.codepoint(s, 1, -1)\n", "stack overflow (string slice too long)");
    }

    @Test
    void scanningALongStringInALoopIsChargedPerByte() {
        board.refuses(BIG + "while true do local n = utf8.len(s) end\n", EXCEEDED);
        board.refuses(BIG + "while true do local n = utf8.offset(s, 100000) end\n", EXCEEDED);
        board.refuses(BIG + "while true do local n = tonumber(s, 36) end\n", EXCEEDED);
        board.refuses(DIGITS + "while true do local n = tonumber(s) end\n", EXCEEDED);
    }

    @Test
    void comparingOrConvertingLongStringsIsChargedPerByte() {
        board.refuses(BIG + "local t = s .. '' while s == t do end\n", EXCEEDED);
        board.refuses(BIG + "local t = s .. '' while s <= t do end\n", EXCEEDED);
        board.refuses(DIGITS + "while true do local x = s + 0 end\n", EXCEEDED);
        board.refuses(DIGITS + "while true do local x = s // 1 end\n", EXCEEDED);
        assertThat(board.type("=('10') + 1, '10' // 3, 'a' < 'b', 'x' == 'x'\n")).contains("\n11\t3\ttrue\ttrue\n");
    }

    @Test
    void packingAHugeWidthIsClaimedBeforeItIsPadded() {
        board.refuses("x = string.pack('c1000000000', '')\n", HostileBoard.NO_MEMORY);
        board.refuses("x = string.pack(('c100000'):rep(5), '', '', '', '', '')\n", HostileBoard.NO_MEMORY);
        assertThat(board.type("=#string.pack('c10', 'ab')\n")).contains("\n10\n");
    }

    @Test
    void unpackingMoreValuesThanTheStackHoldsIsRefused() {
        board.refuses("x = string.unpack(('b'):rep(60000), ('x'):rep(60000))\n", "stack overflow (too many results)");
        assertThat(board.type("=select('#', string.unpack(('b'):rep(100), ('x'):rep(100)))\n")).contains("\n101\n");
    }

    @Test
    void formatWidthsAndRepeatsWithSeparatorsStayWithinTheBoard() {
        board.refuses("=string.format('%99999d', 1)\n", "invalid format (width or precision too long)");
        board.refuses("=#string.rep('ab', 1e9, ',')\n", HostileBoard.NO_MEMORY);
        assertThat(board.type("=string.rep('ab', 3, ',')\n")).contains("\nab,ab,ab\n");
    }
}
