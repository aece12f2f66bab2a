package dev.heapscope.ui;

import dev.heapscope.ui.hunt.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload chooser on the virtual board: a refused hunt says why, a Lua line, a project, use the device now. */
class WorkloadChooserUiTest extends WindowTestBase {

    private void choose(WorkloadKind kind) throws Exception {
        onFx(() -> {
            window.workload().chooser().choose(kind, null);
            return null;
        });
    }

    @Test
    void aLuaLineWithNothingTypedIsRefusedWithAMessageThenHunted() throws Exception {
        choose(WorkloadKind.LUA_LINE);
        robot.clickOn("#hunt");
        waitUntil("refused", () -> status().equals("Guided hunt not started: Type the Lua line to run between the dumps."));
        assertThat(consoleLines()).contains("[heapscope] Guided hunt not started: Type the Lua line to run between the dumps.");
        robot.clickOn("#workload-text").write("kept = {} for i = 1, 3 do kept[i] = {i} end");
        robot.clickOn("#hunt");
        waitUntil("hunted", () -> status().startsWith("Guided hunt done: kept = {}") && !leakRows().isEmpty());
    }

    @Test
    void aProjectIsLoadedAtBootAndHuntedWhileTheUserUsesTheDevice() throws Exception {
        Path project = Files.createDirectories(data.resolve("my-app"));
        Files.writeString(project.resolve("init.lua"), "seen = {}\nfunction on_request() seen[#seen + 1] = {} end\n");
        onFx(() -> window.workload().project().open(project));
        waitUntil("loaded", () -> status().startsWith("Loaded my-app (1 file, ") && status().endsWith("init.lua ran at boot"));
        choose(WorkloadKind.USE_DEVICE);
        assertThat(visible("#hunt-wait")).isFalse();
        robot.clickOn("#hunt");
        waitUntil("waiting for the user", () -> session.hunts().waitingProperty().get());
        assertThat(visible("#hunt-wait")).isTrue();
        assertThat(text("#hunt-elapsed")).matches("\\d+:\\d\\d");
        session.execute("on_request() on_request()").get(10, java.util.concurrent.TimeUnit.SECONDS);
        robot.clickOn("#hunt-continue");
        waitUntil("hunted", () -> status().equals("Guided hunt done: use the device now") && !leakRows().isEmpty());
        assertThat(visible("#hunt-wait")).isFalse();
        assertThat(leakRows()).anyMatch(row -> row.where().contains("init.lua:2"));
    }
}
