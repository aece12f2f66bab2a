package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The 5.3 operators through the board's REPL, with Lua 5.3's priorities (lparser.c priority[]). */
@Timeout(30)
class Lua53OperatorsTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private String eval(String expression) {
        String typed = "=" + expression + "\n";
        String out = board.type(typed);
        return out.substring(typed.length(), out.length() - "\n> ".length());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "7//2 => 3", "-7//2 => -4", "7 & 3 => 3", "5 | 2 => 7", "5 ~ 3 => 6", "1 << 4 => 16", "256 >> 4 => 16", "~0 => -1", "~5 => -6",
            // priorities: or < and < comparison < | < ~ < & < shift < .. < + - < * / // % < unary < ^
            "1 | 2 ~ 3 & 4 => 3", "1 << 2 + 1 => 8", "2 + 3 & 6 => 4", "6 & 3 == 2 => true", "1 | 6 & 3 => 3",
            "1 << 2 << 1 => 8", "16 >> 1 >> 1 => 4", "~1 & 7 => 6", "- 2 // 1 => -2", "2 * 7 // 2 => 7", "7 // 2 * 2 => 6",
            "1 .. 2 & 3 => 0", "#'abc' << 1 => 6", "~2^2 == ~4 => true", "1 | 2 < 4 => true", "3 ~ 1 | 4 => 6",
            "(3 ~ 1) | 4 => 6", "3 ~ (1 | 4) => 6", "'a' .. 1 + 2 => a3", "not 1 == 2 => false"})
    void operatorsAndPrioritiesAsTheBoard(String expression, String printed) {
        assertThat(eval(expression)).isEqualTo(printed);
    }

    @Test
    void operatorsSpanLinesAndNest() {
        assertThat(board.type("x = (1 <<\n4) | ~(\n0 & 1)\n")).endsWith("> ");
        assertThat(eval("x")).isEqualTo("-1");
        assertThat(eval("string.format('%d', 0xff & ~0x0f)")).isEqualTo("240");
    }

    @Test
    void operatorsInEveryExpressionPlace() {
        board.type("local t = {[1 << 2] = 5 & 7, x = 3 // 2, 9 >> 3}; r = t[4] + t.x + t[1]\n");
        assertThat(eval("r")).isEqualTo("7");
        board.type("function f(a, b) return a & b, a | b end\n");
        assertThat(eval("f(6, 3)")).isEqualTo("2\t7");
        board.type("n = 0; for i = 1 << 1, 8 >> 1 do n = n | 1 << i end\n");
        assertThat(eval("n")).isEqualTo("28");
    }
}
