package dev.heapscope.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * device-firmware/board-check.lua typed line by line at the virtual board's prompt, as a user pastes it: one
 * HEAPSCOPE-CHECK line (board-check.md) that says what heaptrace and the HeapScope agent can use on this build.
 */
@Timeout(60)
class BoardCheckScriptTest {
    private static final Pattern ANSWER = Pattern.compile("(?m)^HEAPSCOPE-CHECK (\\{.*})\\s*$");

    private static JsonNode check(BoardOptions options) throws Exception {
        String script = Files.readString(Path.of("device-firmware/board-check.lua"), StandardCharsets.ISO_8859_1);
        try (BoardUnderTest board = new BoardUnderTest(options, 300_000)) {
            String output = board.type(script.replace("\r", ""));
            Matcher answer = ANSWER.matcher(output);
            assertThat(answer.find()).as(output).isTrue();
            return new ObjectMapper().readTree(answer.group(1));
        }
    }

    @Test
    void onTheDefaultBuildHeaptraceAndEveryAgentFeatureAreThere() throws Exception {
        JsonNode check = check(BoardOptions.defaults());
        assertThat(check.get("lua").asText()).isEqualTo("Lua 5.3");
        assertThat(check.get("heaptrace").asBoolean()).isTrue();
        assertThat(check.get("modes").toString()).isEqualTo("[0,1]");
        JsonNode agent = check.get("agent");
        assertThat(agent.toString()).isEqualTo(
                "{\"registry\":true,\"upvalues\":true,\"locals\":true,\"hook\":true,\"yield\":true}");
    }

    @Test
    void aLua51BuildWithTheMinimalDebugModuleCanWalkTablesButNotClosures() throws Exception {
        JsonNode agent = check(BoardOptions.defaults().withLua(LuaRelease.LUA_51)).get("agent");
        assertThat(agent.get("registry").asBoolean()).isTrue();
        assertThat(agent.get("upvalues").asBoolean()).isFalse();
        assertThat(agent.get("hook").asBoolean()).isFalse();
    }

    @Test
    void withoutAnyDebugModuleTheAgentSeesOnlyTheGlobals() throws Exception {
        JsonNode agent = check(BoardOptions.defaults().withDebug(DebugLibrary.NONE)).get("agent");
        assertThat(agent.get("registry").asBoolean()).isFalse();
        assertThat(agent.get("upvalues").asBoolean()).isFalse();
        assertThat(agent.get("yield").asBoolean()).as("node.task.post is not the debug module's").isTrue();
    }
}
