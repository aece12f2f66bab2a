package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's runaway library calls: each ends with the board's budget error (the bound of "ends at all" is the
 * class timeout, far above the budget), and the console works afterwards.
 */
@Timeout(60)
class LibraryBudgetTest {
    private static final String EXCEEDED = "Lua error: \tstdin:1: instruction budget exceeded (runaway loop?)\n";
    private final BoardUnderTest board = new BoardUnderTest(BoardOptions.defaults(), 300_000);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aBacktrackingPatternEndsAsARunawayLoop() {
        assertThat(board.type("x = string.find(('a'):rep(5000), ('a-'):rep(20) .. 'b')\n")).contains(EXCEEDED);
        assertThat(board.type("=1+1\n")).endsWith("\n2\n> ");
    }

    @Test
    void gsubAndGmatchOverAHugeSearchEndToo() {
        assertThat(board.type("x = (('a'):rep(3000)):gsub(('a-'):rep(12) .. 'b', '')\n")).contains(EXCEEDED);
        assertThat(board.type("for w in (('a'):rep(3000)):gmatch(('a-'):rep(12) .. 'b') do end\n")).contains(EXCEEDED);
        assertThat(board.type("x = (('a'):rep(3000)):match(('a-'):rep(12) .. 'b')\n")).contains(EXCEEDED);
    }

    @Test
    void repeatingTheEmptyStringAnyNumberOfTimesIsImmediate() {
        assertThat(board.type("=#string.rep('', 0x7fffffff), #string.rep('', 0x7fffffff, '')\n")).contains("\n0\t0\n");
    }

    @Test
    void aLoopOfRepsIsChargedByTheBytesItCopies() {
        assertThat(board.type("while true do local s = string.rep('x', 1000) end\n")).contains(EXCEEDED);
    }

    @Test
    void aPatternErrorIsTheBoardsMessage() {
        assertThat(board.type("string.find('a', '[a')\n")).contains("malformed pattern (missing ']')");
        assertThat(board.type("string.find('a', '%')\n")).contains("malformed pattern (ends with '%')");
        assertThat(board.type("string.gsub('a', 'a', '%2')\n")).contains("invalid capture index %2");
        assertThat(board.type("string.gsub('a', 'a', '%x')\n")).contains("invalid use of '%' in replacement string");
        assertThat(board.type("string.find('a', '(a')\n")).contains("unfinished capture");
    }

    @Test
    void patternsMatchAsLua53Does() {
        assertThat(board.type("=string.find('hello world', 'o w')\n")).contains("\n5\t7\n");
        assertThat(board.type("=string.find('hello', 'l+')\n")).contains("\n3\t4\n");
        assertThat(board.type("=string.match('key=val', '(%w+)=(%w+)')\n")).contains("\nkey\tval\n");
        assertThat(board.type("=string.find('abc', '()b()')\n")).contains("\n2\t2\t2\t3\n");
        assertThat(board.type("=('abc'):gsub('%w', '%0%0')\n")).contains("\naabbcc\t3\n");
        assertThat(board.type("=('abc'):gsub('', '-')\n")).contains("\n-a-b-c-\t4\n");
        assertThat(board.type("=('hello world'):gsub('o', {o = '0'})\n")).contains("\nhell0 w0rld\t2\n");
        assertThat(board.type("=('a.b'):find('.', 1, true)\n")).contains("\n2\t2\n");
        assertThat(board.type("for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do print(k, v) end\n"))
                .contains("\na\t1\nb\t2\n");
        assertThat(board.type("=('x(a(b)c)y'):match('%b()'), ('THE (quick) fox'):find('%f[%a]%a+', 4)\n"))
                .contains("\n(a(b)c)\t6\t10\n");
        assertThat(board.type("=('abc'):gsub('b', function(c) return nil end)\n")).contains("\nabc\t1\n");
        assertThat(board.type("=('aaa'):gsub('^a', 'b')\n")).contains("\nbaa\t1\n");
        assertThat(board.type("=('  x '):match('^%s*(.-)%s*$'), ('[x]'):match('[]x[]+'), ('hello'):find('l', -2)\n"))
                .contains("\nx\t[x]\t4\t4\n");
    }
}
