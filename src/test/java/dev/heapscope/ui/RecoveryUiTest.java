package dev.heapscope.ui;

import dev.heapscope.session.DataDirectory;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A session that did not end cleanly, left in the data directory: offered at startup, recovered or discarded. */
class RecoveryUiTest extends WindowTestBase {
    private static final String LEFTOVER = "20260101-000000-1";
    private Path leftover;

    @Override
    void beforeWindowOpens(DataDirectory directory) throws Exception {
        leftover = Files.createDirectories(directory.autosaves().resolve(LEFTOVER));
        try (InputStream log = getClass().getResourceAsStream("/logs/shared/nodemcu-session-idf51.log")) {
            Files.copy(log, leftover.resolve("transcript.bin"));
        }
        // the manifest an autosave writes; the dialog reads its start time in the user's zone
        java.time.Instant started = java.time.LocalDateTime.of(2026, 1, 1, 10, 4)
                .atZone(java.time.ZoneId.systemDefault()).toInstant();
        Files.writeString(leftover.resolve("manifest.json"), "{\"formatVersion\": 1, \"createdAt\": \"" + started
                + "\", \"board\": \"Simulator (esp32-devkitc)\", \"dumpCount\": 2}");
    }

    @Test
    void theLeftoverIsOfferedAtStartupAndRecoveringItShowsItsDumps() throws Exception {
        DialogPane offer = offer();
        assertThat(onFx(offer::getHeaderText)).isEqualTo("Unsaved session found");
        assertThat(onFx(offer::getContentText)).as("when, on what board, how many dumps; not the folder's name")
                .startsWith("A session did not end cleanly: started 2026-01-01 10:04 on Simulator (esp32-devkitc), 2 dumps.")
                .contains("Recover it?").doesNotContain(LEFTOVER);

        robot.clickOn("Recover");
        waitUntil("recovered", () -> status().equals("Recovered 2 dumps; save with Ctrl+S (the autosave stays until then)"));
        assertThat(text("#connection-state")).isEqualTo("disconnected");
        waitUntil("its dumps listed and the last one shown", () -> robot.lookup("#dump-list").queryTableView().getItems().size() == 2
                && window.leaks().titleText().startsWith("Live in dump #2: "));
        assertThat(leakRows()).isNotEmpty();
        assertThat(leftover).as("kept until saved").isDirectory();
    }

    @Test
    void discardingTheLeftoverDeletesItAndTheBoardStaysConnected() throws Exception {
        offer();
        robot.clickOn("Discard");
        waitUntil("the leftover deleted", () -> !Files.exists(leftover));
        assertThat(text("#connection-state")).isEqualTo("connected");
        assertThat(onFx(() -> robot.lookup("#dump-list").queryTableView().getItems())).isEmpty();
    }

    /** The recovery question, once it is shown. */
    private DialogPane offer() throws Exception {
        waitUntil("the recovery offered", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return onFx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class));
    }
}
