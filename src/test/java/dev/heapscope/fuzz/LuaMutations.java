package dev.heapscope.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Scripts a hostile user would type into the virtual board: the simulator's own scripts mutated byte by byte,
 * with lines of known-expensive library calls spliced in (issue 16's reproducers among them), or those lines
 * alone. Numbers in the snippets are varied so the campaign tries sizes around every limit.
 */
final class LuaMutations {
    private static final String[] HOSTILE = {
            "string.rep('', 1e15)", "string.rep('x', 1e9)", "string.rep('x', 2^31)", "('x'):rep(N)",
            "string.find(('a'):rep(5000), ('a-'):rep(20) .. 'b')", "for i = 1, N do collectgarbage() end",
            "while true do collectgarbage() end", "local s = ('x'):rep(N) s = s:gsub('x', s)",
            "tmr.create():alarm(1, tmr.ALARM_AUTO, function() while true do end end)",
            "tmr.create():alarm(1, tmr.ALARM_AUTO, function() error('in a timer') end)",
            "getmetatable('').__index = {}", "getmetatable('').__index = nil", "node.restart()",
            "error(setmetatable({}, {__tostring = function() while true do end end}))",
            "local t = {} for i = 1, N do t[i] = i end", "local function f() return f() end f()",
            "local function f() f() end f()", "string.format('%99999d', 1)", "string.format(('%s'):rep(N), 1)",
            "load(string.dump(function() end):sub(1, 10), 'x', 'b')", "load('\\27Lua' .. ('\\255'):rep(100), 'x', 'b')",
            "load(string.dump(function() return 1 end), 'x', 'b')()",
            "table.concat(setmetatable({}, {__index = function() return 'x' end}), '', 1, N)",
            "local f = file.open('big', 'w') for i = 1, N do f:write(('x'):rep(1000)) end f:close()",
            "print(file.fsinfo())", "package.loadlib('a', 'b')", "print('\\27]0;owned\\7\\27[2J')", "print('\\255\\254')",
            "utf8.char(0x7fffffff)", "('x'):rep(100):gsub('.', {})", "table.sort({3, 2, 1}, function() error('x') end)",
            "local t = {} for i = 1, N do t[i] = N - i end table.sort(t, function() return true end)",
            "select('#', table.unpack({}, 1, N))", "setmetatable({}, {__gc = function() while true do end end}) collectgarbage()",
            "sjson.decode(('['):rep(N))", "coroutine.wrap(function() while true do coroutine.yield() end end)()",
            "string.rep(('x'):rep(1000), N, ('y'):rep(1000))", "('x'):rep(N) .. ('y'):rep(N)",
            "debug.sethook(function() while true do end end, 'l')", "os = nil io = nil print(require)",
            "string.pack and string.pack('i' .. N, 1)", "('%d'):format(2^63)", "math.random(0)", "tostring(nil)()"};
    private static final String[] SIZES = {"0", "-1", "1", "1e3", "1e5", "1e6", "1e7", "2^31", "2^53", "1/0", "0/0"};

    private final Mutations mutations;

    LuaMutations(Mutations mutations) {
        this.mutations = mutations;
    }

    byte[] mutate(List<byte[]> scripts, Random random, StringBuilder description) {
        byte[] seed = scripts.get(random.nextInt(scripts.size()));
        return switch (random.nextInt(3)) {
            case 0 -> {
                String line = hostile(random);
                description.append("alone: ").append(line);
                yield bytes(line + "\n");
            }
            case 1 -> {
                String line = hostile(random);
                description.append("spliced: ").append(line);
                yield Mutations.insert(seed, bytes("\n" + line + "\n"), random, 1);
            }
            default -> mutations.mutate(seed, scripts, random, description);
        };
    }

    private static String hostile(Random random) {
        return HOSTILE[random.nextInt(HOSTILE.length)].replace("N", SIZES[random.nextInt(SIZES.length)]);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
