package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** NodeMCU's debug library as the board profile's build has it, and the registry a Lua walker finds. */
@Timeout(60)
class DebugLibraryTest {
    private BoardUnderTest board = new BoardUnderTest(
            BoardOptions.defaults().withInstructionBudget(2_000_000, 20_000), 300_000);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void whichFunctionsEachBuildHas() {
        assertThat(board.type("=type(debug.getregistry), type(debug.getupvalue), type(debug.sethook), package.loaded.debug == debug\n"))
                .as("a 5.3 build registers every function, minimal or not").contains("\nfunction\tfunction\tfunction\ttrue\n");
        board.close();
        board = new BoardUnderTest(BoardOptions.defaults().withLua(LuaRelease.LUA_51), 300_000);
        assertThat(board.type("=type(debug.getregistry), type(debug.traceback), type(debug.getstrings), debug.getupvalue, debug.getlocal\n"))
                .contains("\nfunction\tfunction\tfunction\tnil\tnil\n");
        board.close();
        board = new BoardUnderTest(BoardOptions.defaults().withLua(LuaRelease.LUA_51).withDebug(DebugLibrary.EXTENDED), 300_000);
        assertThat(board.type("=type(debug.getupvalue), type(debug.getlocal)\n")).contains("\nfunction\tfunction\n");
        board.close();
        board = new BoardUnderTest(BoardOptions.defaults().withDebug(DebugLibrary.NONE), 300_000);
        assertThat(board.type("=debug, package.loaded.debug\n")).contains("\nnil\tnil\n");
    }

    @Test
    void boardProfilesSayWhichDebugLibrary() {
        assertThat(BoardProfile.defaults().luaDebug()).isEqualTo(DebugLibrary.MINIMAL);
        assertThat(BoardProfile.load("esp32-devkitc-debug").luaDebug()).isEqualTo(DebugLibrary.EXTENDED);
        try (SimulatedBoard legacy = SimulatedBoard.create(BoardProfile.load("esp32-idf44-legacy"))) {
            assertThat(DebugLibrary.MINIMAL.functions(LuaRelease.LUA_51)).doesNotContain("getupvalue");
            assertThat(legacy.profile().luaDebug()).isEqualTo(DebugLibrary.MINIMAL);
        }
    }

    @Test
    void theRegistryHoldsWhatTheFirmwareHolds() {
        board.type("t = tmr.create() t:register(1000, tmr.ALARM_AUTO, function() local leak = {} end) t:start()\n");
        board.type("c = mqtt.Client('id', 60) c:on('message', function(client, topic, data) end)\n");
        board.type("r = debug.getregistry() keys = {} for k, v in pairs(r) do keys[#keys + 1] = tostring(k) .. '=' .. type(v) end\n");
        String out = board.type("table.sort(keys) print(table.concat(keys, ' '))\n")
                + board.type("print(r[1] == coroutine.running(), r[2] == _G, r._LOADED == package.loaded, debug.getregistry() == r)\n");
        assertThat(out).contains("1=thread").contains("2=table").contains("_LOADED=table").contains("_PRELOAD=table")
                .contains("3=function").contains("true\ttrue\ttrue\ttrue");
        assertThat(board.type("n = 0 for k, v in pairs(debug.getregistry()) do if type(k) == 'number' and k > 2 and type(v) == 'function' then n = n + 1 end end print(n)\n"))
                .as("the timer callback and the mqtt message callback").containsPattern("\n[2-9]\n");
    }

    @Test
    void freedReferencesAreReusedThroughTheFreeList() {
        board.type("a = tmr.create() a:register(10, tmr.ALARM_AUTO, function() end)\n");
        assertThat(board.type("=type(debug.getregistry()[3]), debug.getregistry()[0]\n")).contains("\nfunction\tnil\n");
        board.type("a:unregister()\n");
        assertThat(board.type("=debug.getregistry()[0], debug.getregistry()[3]\n")).contains("\n3\tnil\n");
        board.type("b = tmr.create() b:register(10, tmr.ALARM_AUTO, function() end)\n");
        assertThat(board.type("=type(debug.getregistry()[3]), debug.getregistry()[0]\n")).contains("\nfunction\tnil\n");
    }

    @Test
    void upvaluesAndLocals() {
        board.type("local cache = {} local count = 7 function put(k) cache[k] = count end\n");
        assertThat(board.type("print(debug.getupvalue(put, 1)) print(debug.getupvalue(put, 2))\n")).containsPattern("\ncache\ttable: 0x[0-9a-f]+\ncount\t7\n");
        assertThat(board.type("=debug.setupvalue(put, 2, 9), select(2, debug.getupvalue(put, 2))\n")).contains("\ncount\t9\n");
        assertThat(board.type("=debug.upvalueid(put, 1) == debug.upvalueid(put, 1), debug.upvalueid(put, 1) == debug.upvalueid(put, 2)\n"))
                .contains("\ntrue\tfalse\n");
        assertThat(board.type("=debug.getupvalue(print, 1)\n")).doesNotContain("Lua error");
        assertThat(board.type("debug.getupvalue(put)\n")).contains("bad argument #2 to 'getupvalue' (number expected, got no value)");
        board.type("co = coroutine.create(function(x) local held = {x} coroutine.yield() end) coroutine.resume(co, 5)\n");
        assertThat(board.type("print(debug.getlocal(co, 1, 1)) print(debug.getlocal(co, 1, 2))\n")).containsPattern("\nx\t5\nheld\ttable: 0x[0-9a-f]+\n");
        assertThat(board.type("=debug.getlocal(co, 1, 3)\n")).contains("\nnil\n");
        assertThat(board.type("debug.getlocal(co, 5, 1)\n")).contains("bad argument #2 to 'getlocal' (level out of range)");
        assertThat(board.type("=debug.getlocal(put, 1)\n")).contains("\nk\n");
    }

    @Test
    void getinfoAndTraceback() {
        board.type("function where() local i = debug.getinfo(1) local c = debug.getinfo(2, 'Sl') "
                + "return i.what, i.short_src, i.currentline, i.name, i.namewhat, i.nups, i.func == where, c.what, c.currentline end\n");
        assertThat(board.type("print(where())\n")).contains("\nLua\tstdin\t1\twhere\tglobal\t1\ttrue\tmain\t1\n");
        assertThat(board.type("=debug.getinfo(print).what, debug.getinfo(99)\n")).contains("\nC\tnil\n");
        assertThat(board.type("debug.getinfo(1, 'x')\n")).contains("bad argument #2 to 'getinfo' (invalid option)");
        assertThat(board.type("function f() local s = debug.traceback('msg') return s end print(f())\n"))
                .contains("msg\nstack traceback:\n\tstdin:1: in function 'f'\n\tstdin:1: in main chunk\n\t[C]: in ?");
    }

    @Test
    void hooksRunInsideTheBudget() {
        assertThat(board.type("n = 0 debug.sethook(function(e) n = n + 1 end, '', 10) for i = 1, 100 do end debug.sethook() print(n > 5, debug.gethook())\n"))
                .contains("\ntrue\tnil\t\t0\n");
        assertThat(board.type("lines = {} debug.sethook(function(e, l) lines[#lines + 1] = l end, 'l')\nx = 1\ny = 2\n"))
                .doesNotContain("Lua error");
        board.type("debug.sethook()\n");
        assertThat(board.type("=#lines > 0\n")).contains("\ntrue\n");
        assertThat(board.type("debug.sethook(function() while true do end end, '', 1) x = 1\n"))
                .contains("instruction budget exceeded");
        assertThat(board.type("h, m, c = debug.gethook() print(h, m, c, 1 + 1)\n")).as("the runaway hook was dropped").contains("\nnil\t\t0\t2\n");
    }

    @Test
    void returnEventsComeWhileTheReturningFunctionIsStillLevelTwo() {
        assertThat(board.type("ev = {} local function f() return 1 end debug.sethook(function(e) "
                + "local i = debug.getinfo(2, 'Sl') ev[#ev + 1] = e .. ':' .. i.currentline end, 'r') f() pcall(f) "
                + "debug.sethook() print(table.concat(ev, ' '))\n"))
                .as("f returns twice; pcall itself is no level on the virtual board").contains("\nreturn:1 return:1\n");
    }

    @Test
    void nothingReachesTheHost() {
        assertThat(board.type("debug.setmetatable(1, {__index = function() return 42 end})\n"))
                .contains("Lua error").contains("not modelled");
        assertThat(board.type("=(1).x\n")).contains("Lua error");
        assertThat(board.type("=debug.getmetatable('').__index == string\n")).contains("\ntrue\n");
        assertThat(board.type("for k, v in pairs(debug.getregistry()) do if type(v) == 'table' then for k2 in pairs(v) do assert(k2 ~= 'io' and k2 ~= 'os' and k2 ~= 'luajava') end end end print('ok')\n"))
                .contains("\nok\n");
    }
}
