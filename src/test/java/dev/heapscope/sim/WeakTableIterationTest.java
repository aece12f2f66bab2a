package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A weak-keyed table with function keys and enough entries to be rehashed: iterating it after a collection
 * (as a script's pairs and the collector's own traversal do) works, and what it keeps follows Lua 5.3.
 * LuaJ's own weak slots lost function keys after a rehash ("invalid key to 'next'").
 */
class WeakTableIterationTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void functionKeysSurviveARehashAndACollection() {
        board.type("seen = setmetatable({}, {__mode = 'k'}) kept = {}\n");
        board.type("for i = 1, 40 do local f = function() return i end kept[i] = f seen[f] = i end\n");
        board.type("for i = 1, 100 do seen[{}] = true end\n"); // garbage keys: cleared by the collection
        board.type("collectgarbage() collectgarbage()\n");
        board.type("n, sum = 0, 0 for f, i in pairs(seen) do n = n + 1 sum = sum + i end\n");
        assertThat(board.type("=n, sum\n"))
                .contains("\n40\t820\n").doesNotContain("invalid key");
        board.type("kept = nil collectgarbage() collectgarbage()\n");
        assertThat(board.type("=next(seen)\n")).contains("\nnil\n");
    }
}
