package dev.heapscope.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user's own project in the virtual board's flash: init.lua at boot, modules, reload, limits. */
class FlashProjectTest {
    @TempDir
    Path dir;

    @Test
    void initLuaRunsAtBootModulesLoadAndReloadPicksUpAnEdit() throws Exception {
        Files.writeString(dir.resolve("init.lua"), "local m = require('greeter') print(m.hello()) dofile('lib/extra.lua')\n");
        Files.writeString(dir.resolve("greeter.lua"), "return { hello = function() return 'hello v1' end }\n");
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/extra.lua"), "print('extra ran')\n");
        FlashProject project = FlashProject.read(dir);
        assertThat(project.files()).containsOnlyKeys("init.lua", "greeter.lua", "lib/extra.lua");
        assertThat(project.mainFile()).isEqualTo("greeter.lua");

        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            board.console().addOutputListener(out::write);
            project.writeInto(board.console().files(), null);
            board.console().boot();
            board.console().awaitIdle();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("hello v1").contains("extra ran")
                    .doesNotContain("cannot open init.lua");

            Files.writeString(dir.resolve("greeter.lua"), "return { hello = function() return 'hello v2' end }\n");
            out.reset();
            FlashProject.read(dir).loadAndReset(board, project);
            assertThat(out.toString(StandardCharsets.UTF_8)).as("rebooted with the edited module").contains("hello v2");
        }
    }

    @Test
    void aProjectTooLargeForTheFlashIsRefusedWithItsReason() throws Exception {
        Path big = Files.createDirectories(dir.resolve("big"));
        Files.write(big.resolve("blob.lua"), new byte[(int) FlashProject.MAX_BYTES + 1]);
        assertThatThrownBy(() -> FlashProject.read(big)).isInstanceOf(FlashProject.UnloadableException.class)
                .hasMessage("big holds more than 512 KiB of files; the virtual board's flash holds 512 KiB");
        Path many = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i <= FlashProject.MAX_FILES; i++) {
            Files.writeString(many.resolve("m" + i + ".lua"), "x = " + i);
        }
        assertThatThrownBy(() -> FlashProject.read(many)).hasMessageContaining("more than 64 files");
        assertThatThrownBy(() -> FlashProject.read(dir.resolve("nothing"))).hasMessage("nothing: no such file or folder");
    }
}
