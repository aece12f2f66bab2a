package dev.heapscope.ui;

import dev.heapscope.sim.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the profile dialog accepts, and the sentence for what it does not. */
class LuaProfileRequestTest {
    @TempDir
    Path folder;

    @Test
    void eachKindBecomesItsWorkload() throws Exception {
        LuaProfileRequest chunk = LuaProfileRequest.of(LuaProfileRequest.Kind.CHUNK, "  handler('/x')  ", null, 50, false, true);
        assertThat(chunk.workload().chunk()).isEqualTo("handler('/x')");
        assertThat(chunk.name()).isEqualTo("'handler('/x')'");
        assertThat(chunk.settings()).isEqualTo(new dev.heapscope.session.ProfileRun.Settings(50, false, true));
        assertThat(LuaProfileRequest.of(LuaProfileRequest.Kind.CHUNK, "a = 1\nb = {}", null, 0, true, false).name())
                .isEqualTo("'a = 1…'");

        LuaProfileRequest onBoard = LuaProfileRequest.of(LuaProfileRequest.Kind.BOARD_FILE, "app.lc", null, 0, true, false);
        assertThat(onBoard.workload().fileName()).isEqualTo("app.lc");
        assertThat(onBoard.workload().contents()).isNull();

        Path local = Files.writeString(folder.resolve("handler.lua"), "x = {}");
        LuaProfileRequest upload = LuaProfileRequest.of(LuaProfileRequest.Kind.UPLOAD, local.toString(), null, 0, true, false);
        assertThat(upload.workload().fileName()).isEqualTo("handler.lua");
        assertThat(new String(upload.workload().contents(), StandardCharsets.UTF_8)).isEqualTo("x = {}");

        Scenario scenario = ScenarioCatalog.named("request-handler-leak.lua");
        LuaProfileRequest bundled = LuaProfileRequest.of(LuaProfileRequest.Kind.SCENARIO, "", scenario, 0, true, false);
        assertThat(bundled.name()).isEqualTo("request-handler-leak.lua");
        assertThat(new String(bundled.workload().contents(), StandardCharsets.UTF_8)).isEqualTo(scenario.text());
    }

    @Test
    void whatCannotRunIsRefusedWithItsReason() throws Exception {
        assertThatThrownBy(() -> LuaProfileRequest.of(LuaProfileRequest.Kind.CHUNK, " ", null, 0, true, false))
                .isInstanceOf(LuaProfileRequest.Refused.class).hasMessageStartingWith("Type the Lua to profile");
        assertThatThrownBy(() -> LuaProfileRequest.of(LuaProfileRequest.Kind.CHUNK, "f()", null, 0, false, false))
                .hasMessage("Without line events, an interval above 0 is needed: nothing would be sampled.");
        assertThatThrownBy(() -> LuaProfileRequest.of(LuaProfileRequest.Kind.BOARD_FILE, "app.txt", null, 0, true, false))
                .hasMessageStartingWith("Name the .lua or .lc file on the board");
        assertThatThrownBy(() -> LuaProfileRequest.of(LuaProfileRequest.Kind.SCENARIO, "", null, 0, true, false))
                .hasMessage("Choose a scenario to profile.");
        assertThatThrownBy(() -> LuaProfileRequest.of(LuaProfileRequest.Kind.UPLOAD, folder.resolve("gone.lua").toString(),
                null, 0, true, false)).hasMessageStartingWith("Cannot read ").hasMessageNotContaining("Exception");
        Path spaced = Files.writeString(folder.resolve("my app.lua"), "x = 1");
        assertThatThrownBy(() -> LuaProfileRequest.of(LuaProfileRequest.Kind.UPLOAD, spaced.toString(), null, 0, true, false))
                .hasMessage("The board keeps files named like app.lua: my app.lua is not one.");
        Path big = Files.write(folder.resolve("big.lua"), new byte[(int) LuaProfileRequest.MAX_UPLOAD_BYTES + 1]);
        assertThatThrownBy(() -> LuaProfileRequest.of(LuaProfileRequest.Kind.UPLOAD, big.toString(), null, 0, true, false))
                .hasMessageStartingWith("big.lua is 65,537 bytes: at most 65,536 are uploaded");
    }

    @Test
    void theLaunchOptionProfilesAScenarioByNameElseAChunk() {
        LaunchOptions options = LaunchOptions.parse(java.util.List.of("--profile", "request-handler-leak.lua", "--dark"));
        assertThat(options.profile()).isEqualTo("request-handler-leak.lua");
        assertThat(options.dark()).isTrue();
        LuaProfileRequest scenario = LuaProfileRequest.forLaunch(options.profile());
        assertThat(scenario.workload().fileName()).isEqualTo("request-handler-leak.lua");
        assertThat(scenario.workload().contents()).isNotEmpty();
        assertThat(LuaProfileRequest.forLaunch("t = {1, 2}").workload().chunk()).isEqualTo("t = {1, 2}");
        assertThat(LaunchOptions.parse(java.util.List.of()).profile()).isNull();
    }
}
