package dev.heapscope.ui;

import dev.heapscope.model.TraceMode;
import dev.heapscope.session.DataDirectory;
import dev.heapscope.session.GuidedHunt;
import dev.heapscope.session.HuntWorkload;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.SavedSession;
import dev.heapscope.session.SessionStore;
import dev.heapscope.session.Sessions;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.ui.leaks.LeakLine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A virtual-board session saved by another board (one the window's board never ran) opens with the Lua names
 * and Held-by paths it was saved with: they come from the file, not from a board in memory.
 */
class SavedNamesUiTest extends WindowTestBase {
    private Path file;

    @Override
    void beforeWindowOpens(DataDirectory directory) throws Exception {
        Path scenario = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator", "scenarios",
                "request-handler-leak.lua");
        file = data.resolve("elsewhere.heapscope");
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.load(BOARD), BoardOptions.defaults(),
                Sessions.Setup.headless(30_000))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            HuntWorkload script = HuntWorkload.scriptOnVirtualBoard(opened.board().orElseThrow(),
                    "request-handler-leak.lua", Files.readString(scenario, StandardCharsets.UTF_8), 0);
            new GuidedHunt(opened.session(), 500, TraceMode.LEAKS).run(script).get(60, TimeUnit.SECONDS);
            SessionStore.save(SavedSession.of(opened.session().snapshot().get(10, TimeUnit.SECONDS),
                    opened.session().transcript().get(10, TimeUnit.SECONDS), BOARD, null, opened.symbols(),
                    opened.heldBy()), file);
        }
    }

    @Test
    void anOpenedSessionShowsTheLuaNamesAndHoldersItWasSavedWith() throws Exception {
        window.files().open(file);
        waitUntil("opened", () -> status().equals("Opened elsewhere.heapscope: 2 dumps"));
        showTab("leaks");
        waitUntil("its last dump in the leak table", () -> window.leaks().titleText().startsWith("Live in dump #2: ")
                && !window.leaks().visibleGroups().isEmpty());
        assertThat(leakRows()).extracting(LeakLine::where)
                .contains("handle_request (request-handler-leak.lua:20)")
                .noneMatch(where -> where.startsWith("0x") || where.startsWith("l_alloc"));
        assertThat(leakRows()).extracting(LeakLine::heldBy).isNotEmpty().allMatch(held -> held.startsWith("_G.listeners"));
        boolean heldByShown = onFx(() -> {
            javafx.scene.control.TreeTableView<?> table = robot.lookup("#leak-table").queryAs(javafx.scene.control.TreeTableView.class);
            return table.getColumns().get(1).getText().equals("Held by") && table.getColumns().get(1).isVisible();
        });
        assertThat(heldByShown).as("the Held by column").isTrue();
    }
}
