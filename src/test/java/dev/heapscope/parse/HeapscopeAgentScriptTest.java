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

    private static List<String> run(boolean extended) throws Exception {
        Globals globals = JsePlatform.debugGlobals();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        globals.STDOUT = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        globals.load(HEAP, "heap").call();
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
        String agent = Files.readString(Path.of("device-firmware/heapscope-agent.lua"));
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
}
