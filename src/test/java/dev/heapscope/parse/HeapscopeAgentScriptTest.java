package dev.heapscope.parse;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * device-firmware/heapscope-agent.lua run by plain LuaJ over a known heap, with a small stand-in for NodeMCU's
 * debug module (a registry holding one callback, as a firmware module's luaL_ref would): its output must read
 * back complete, and the paths of the known objects must be the ones the virtual board would write.
 */
class HeapscopeAgentScriptTest {
    private static final String HEAP = """
            cache = { entries = {} }
            for i = 1, 3 do cache.entries[i] = { name = "req" .. i } end
            local history = { "a long enough string to be on the heap" }
            handler = function() return history end
            setmetatable(cache, { __index = function() return nil end })
            """;

    private static final String AGENT = "device-firmware/heapscope-agent.lua";

    private static List<String> run(boolean extended) throws Exception {
        return run(JsePlatform.debugGlobals(), HEAP, extended, Files.readString(Path.of(AGENT)));
    }

    /** The agent's lines after it ran over {@code heap} in {@code globals}. */
    private static List<String> run(Globals globals, String heap, boolean extended, String agent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        globals.STDOUT = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        globals.load(heap, "heap").call();
        LuaValue realDebug = globals.get("debug");
        LuaTable registry = new LuaTable();
        registry.set(2, globals);
        registry.set(3, globals.load("return function() return 'tick' end", "timer").call());
        LuaTable stub = new LuaTable();
        stub.set("getregistry", new org.luaj.vm2.lib.ZeroArgFunction() {
            @Override
            public LuaValue call() {
                return registry;
            }
        });
        if (extended) {
            stub.set("getupvalue", realDebug.get("getupvalue"));
        }
        globals.set("debug", stub);
        globals.get("package").get("loaded").set("debug", stub);
        globals.load(agent, "heapscope-agent.lua").call();
        return out.toString(StandardCharsets.ISO_8859_1).lines().toList();
    }

    private static AgentSnapshot read(List<String> lines) {
        AgentSnapshotReader reader = new AgentSnapshotReader();
        Optional<AgentSnapshot> done = Optional.empty();
        for (String line : lines) {
            done = done.or(() -> reader.accept(line));
        }
        assertThat(done).as("an end line").isPresent();
        return done.get();
    }

    private static List<String> pathsOfType(HeapSnapshot snapshot, String type) {
        return snapshot.objects().stream().filter(o -> o.type().equals(type)).map(o -> o.path().concrete()).toList();
    }

    @Test
    void theAgentsOutputReadsBackCompleteWithTheVirtualBoardsPaths() throws Exception {
        List<String> lines = run(true);
        assertThat(lines).allMatch(line -> line.length() <= 255);
        AgentSnapshot snapshot = read(lines);
        assertThat(snapshot.complete()).as(String.valueOf(snapshot.problem())).isTrue();
        assertThat(snapshot.visible().upvalues()).isTrue();
        assertThat(snapshot.visible().missing()).doesNotContain("upvalues");
        HeapSnapshot model = snapshot.toHeapSnapshot(1, "agent", 0);
        assertThat(pathsOfType(model, "table")).contains("_G.cache", "_G.cache.entries", "_G.cache.entries[1]",
                "_G.cache.entries[3]", "_G.cache \u25b8 metatable", "_G.handler \u25b8 upvalue 'history'");
        assertThat(pathsOfType(model, "string")).contains("_G.cache.entries[2].name",
                "_G.handler \u25b8 upvalue 'history'[1]");
        assertThat(pathsOfType(model, "function")).contains("_G.handler", "registry[3] (a C module's reference)");
        HeapSnapshot.HeapObject entry = model.objects().stream()
                .filter(o -> o.path().concrete().equals("_G.cache.entries[1]")).findFirst().orElseThrow();
        assertThat(entry.path().grouped()).isEqualTo("_G.cache.entries[*]");
        assertThat(entry.sizeBytes()).isEqualTo(32 + 20); // one hash node for 'name'
        assertThat(model.objects().stream().filter(o -> o.path().concrete().equals("_G.cache.entries[2].name"))
                .findFirst().orElseThrow().sizeBytes()).isEqualTo(16 + 4 + 1);
    }

    @Test
    void theAgentsOwnStateIsNotInTheSnapshot() throws Exception {
        HeapSnapshot model = read(run(true)).toHeapSnapshot(1, "agent", 0);
        assertThat(model.objects()).noneMatch(o -> o.path().concrete().contains("upvalue 'seen'")
                || o.path().concrete().contains("upvalue 'queue'") || o.type().equals("thread"));
    }

    @Test
    void withoutTheExtendedDebugModuleItSaysUpvaluesWereNotVisible() throws Exception {
        List<String> lines = run(false);
        assertThat(lines.get(0)).contains("upvalues=0");
        AgentSnapshot snapshot = read(lines);
        assertThat(snapshot.complete()).isTrue();
        assertThat(snapshot.visible().missing()).contains("upvalues not visible");
        HeapSnapshot model = snapshot.toHeapSnapshot(1, "agent", 0);
        assertThat(pathsOfType(model, "table")).contains("_G.cache.entries[1]")
                .noneMatch(path -> path.contains("upvalue"));
    }

    /** The agent with room for only {@code strings} strings in its exact set and {@code recent} recent ones. */
    private static String agentRemembering(int strings, int recent) throws Exception {
        String text = Files.readString(Path.of(AGENT));
        assertThat(text).contains("local STRINGMAX = ").contains("local RECENT = ");
        return text.replaceFirst("local STRINGMAX = [0-9]+", "local STRINGMAX = " + strings)
                .replaceFirst("local RECENT = [0-9]+", "local RECENT = " + recent);
    }

    private static List<String> objects(AgentSnapshot snapshot) {
        return snapshot.toHeapSnapshot(1, "agent", 0).objects().stream()
                .map(o -> o.type() + " " + o.sizeBytes() + " " + o.path().concrete()).sorted().toList();
    }

    @Test
    void stringsPastTheExactSetAreSentWithAFingerprintAndReadBackAsTheSameObjects() throws Exception {
        String heap = HEAP + "for i = 1, 20 do cache[i] = { kind = 'k' .. (i % 3), id = 'id' .. i } end";
        List<String> capped = run(JsePlatform.debugGlobals(), heap, true, agentRemembering(4, 2));
        List<String> unbounded = run(JsePlatform.debugGlobals(), heap, true, agentRemembering(1_000_000, 2));
        assertThat(capped).allMatch(line -> line.length() <= 255);
        assertThat(capped.get(0)).startsWith("~HB 2 ");
        List<String> fingerprinted = capped.stream().filter(line -> line.matches("~HO \\d+ \\d+ s:[0-9a-f]{10} .*")).toList();
        assertThat(fingerprinted).hasSizeGreaterThan(20);
        // with two recent slots, 'k0'..'k2' and the keys 'kind' and 'id' are sent more than once
        assertThat(capped.size()).isGreaterThan(unbounded.size());
        assertThat(unbounded).noneMatch(line -> line.contains(" s:"));
        AgentSnapshot cappedSnapshot = read(capped);
        AgentSnapshot unboundedSnapshot = read(unbounded);
        assertThat(cappedSnapshot.complete()).as(String.valueOf(cappedSnapshot.problem())).isTrue();
        assertThat(objects(cappedSnapshot)).isEqualTo(objects(unboundedSnapshot)).contains("string 19 _G.cache[1].kind", "string 21 _G.cache[20].id");
    }

    @Test
    void aMetatablesOwnTostringIsPutBackAfterTheWalk() throws Exception {
        Globals globals = JsePlatform.debugGlobals();
        String heap = "mt = { __tostring = function() return 'mine' end } obj = setmetatable({ 1 }, mt)";
        AgentSnapshot snapshot = read(run(globals, heap, true, Files.readString(Path.of(AGENT))));
        assertThat(snapshot.complete()).isTrue();
        assertThat(snapshot.toHeapSnapshot(1, "agent", 0).objects()).extracting(o -> o.path().concrete())
                .contains("_G.obj", "_G.mt");
        assertThat(globals.load("return tostring(obj)").call().tojstring()).isEqualTo("mine");
    }
}
