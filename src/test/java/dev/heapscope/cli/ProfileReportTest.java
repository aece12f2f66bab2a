package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.model.LuaAllocationProfile.Frame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileReportTest {
    private static final Frame MAIN = new Frame("main chunk", "app.lua", 26);
    private static final Frame HANDLER = new Frame("handle_request", "app.lua", 19);

    private static LuaAllocationProfile profile(boolean complete) {
        return new LuaAllocationProfile(8, 0, true,
                List.of(new LuaAllocationProfile.Line("app.lua", 26, 666, 25), new LuaAllocationProfile.Line("app.lua", 19, 2800, 25)),
                List.of(new LuaAllocationProfile.Stack(List.of(MAIN), 666, 25),
                        new LuaAllocationProfile.Stack(List.of(MAIN, HANDLER), 2800, 25)),
                complete ? new LuaAllocationProfile.Overhead(3282, 80, "estimated") : null,
                new LuaAllocationProfile.Dropped(2, 1, 96), 156, 128417, complete,
                complete ? null : "the board reset while the profile ran; the lines before it are kept");
    }

    @Test
    void theTextShowsTheBiggestLinesAndStacksFirstWithOverheadAndWhatWasDropped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ProfileReport(profile(true)).writeText(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Lua allocations: 3,466 bytes on 2 line(s), 2 stack(s)\n")
                .contains("Overhead: 3,282 us with the hook, 80 us without (estimated): 41.0x")
                .contains("Dropped:  2 line(s), 1 stack(s), 96 bytes")
                .contains("handle_request (app.lua:19) <- main chunk (app.lua:26)")
                .doesNotContain("INCOMPLETE");
        assertThat(text.indexOf("app.lua:19")).isLessThan(text.indexOf("app.lua:26"));
    }

    @Test
    void anIncompleteProfileSaysSoAndWhy() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ProfileReport(profile(false)).writeText(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("(INCOMPLETE)")
                .contains("Overhead: not known").contains("Incomplete: the board reset");
    }

    @Test
    void theJsonHasLinesStacksOverheadAndDropped() throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            new ProfileReport(profile(true)).writeJson(json);
            json.writeEndObject();
        }
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("complete").asBoolean()).isTrue();
        assertThat(root.get("totalBytes").asLong()).isEqualTo(3466);
        assertThat(root.get("lines").get(0).get("line").asInt()).isEqualTo(19);
        assertThat(root.get("stacks").get(0).get("frames").get(1).asText()).isEqualTo("handle_request (app.lua:19)");
        assertThat(root.get("overhead").get("baseMicros").asLong()).isEqualTo(80);
        assertThat(root.get("dropped").get("bytes").asLong()).isEqualTo(96);
    }
}
