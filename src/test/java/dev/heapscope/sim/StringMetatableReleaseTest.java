package dev.heapscope.sim;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.lib.jse.JsePlatform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LuaJ keeps the string metatable in one JVM-wide field. A closed board gives it back, so a later plain LuaJ
 * interpreter (the agent and profiler script tests run the device scripts in one) calls its own string functions,
 * not the dead board's, which charge a budget that board spent long ago.
 */
class StringMetatableReleaseTest {

    @Test
    void aClosedBoardLeavesStringMethodsToTheNextInterpreter() {
        try (BoardUnderTest board = new BoardUnderTest()) {
            assertThat(board.type("=('ab'):rep(2)\n")).contains("\nabab\n");
            assertThat(LuaString.s_metatable).as("a running board owns the string methods").isNotNull();
        }
        assertThat(LuaString.s_metatable).as("given back at close").isNull();
        Globals plain = JsePlatform.standardGlobals();
        assertThat(plain.load("return ('').rep == string.rep and ('x'):rep(3)").call().tojstring()).isEqualTo("xxx");
    }

    @Test
    void aBoardClosedAfterANewerOneBootedLeavesTheNewerOnesMethods() {
        BoardUnderTest older = new BoardUnderTest();
        try (BoardUnderTest newer = new BoardUnderTest()) {
            Object newerMetatable = LuaString.s_metatable;
            older.close();
            assertThat(LuaString.s_metatable).isSameAs(newerMetatable);
            assertThat(newer.type("=('ab'):upper()\n")).contains("\nAB\n");
        }
    }
}
