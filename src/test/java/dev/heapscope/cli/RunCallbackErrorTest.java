package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: an error raised in a timer callback fails {@code run}, so a CI leak gate cannot pass a broken script. */
@Timeout(120)
class RunCallbackErrorTest {
    @TempDir
    Path dir;

    @Test
    void anErrorInATimerCallbackIsExitTwoWithTheBoardsMessage() throws Exception {
        Path script = Files.writeString(dir.resolve("broken.lua"),
                "tmr.create():alarm(100, tmr.ALARM_SINGLE, function() error('sensor gone') end)\n");

        CliRunner text = CliRunner.run("run", script.toString(), "--seconds", "1", "--fail-on-leak", "0");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err().lines()).singleElement().asString()
                .isEqualTo("heapscope: a callback failed: broken.lua:1: sensor gone");
        assertThat(text.out()).contains("Lua error: \tbroken.lua:1: sensor gone");

        CliRunner json = CliRunner.run("run", script.toString(), "--seconds", "1", "--json");
        assertThat(json.exitCode()).isEqualTo(2);
        JsonNode errors = new ObjectMapper().readTree(json.out()).get("luaErrors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).asText()).isEqualTo("broken.lua:1: sensor gone");
    }

    @Test
    void aLoopingOneMillisecondTimerEndsRunWithTheBudgetError() throws Exception {
        Path script = Files.writeString(dir.resolve("spin.lua"),
                "tmr.create():alarm(1, tmr.ALARM_AUTO, function() while true do end end)\n");

        CliRunner result = CliRunner.run("run", script.toString(), "--seconds", "2");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("heapscope: a callback failed: spin.lua:1: instruction budget exceeded");
    }

    @Test
    void aScriptWithoutErrorsHasAnEmptyErrorList() throws Exception {
        Path script = Files.writeString(dir.resolve("fine.lua"), "x = 1\n");
        CliRunner json = CliRunner.run("run", script.toString(), "--seconds", "0", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).get("luaErrors")).isEmpty();
    }
}
