package dev.heapscope.ui;

import dev.heapscope.model.Dump;
import dev.heapscope.ui.dumps.DiffView;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving a session and opening it back from the Session menu; a file that is not a session. Ctrl+S and
 * Ctrl+O ask a native file chooser, which a headless test cannot answer: the file is handed to
 * {@link SessionFiles} as the chooser would hand it.
 */
class SaveOpenUiTest extends WindowTestBase {

    @Test
    void aSavedSessionOpensBackWithTheSameDumpsInEveryView() throws Exception {
        runGuidedHunt();
        showTab("diff");
        waitUntil("the hunt's diff", () -> !window.diff().lines().isEmpty());
        List<String> dumps = dumpRows();
        List<String> diff = diffRows();

        Path file = data.resolve("hunt.heapscope");
        window.files().save(file);
        waitUntil("saved", () -> status().equals("Saved the session to " + file));

        robot.clickOn("File").clickOn(file.getFileName() + "  \u2014  " + file.getParent());
        waitUntil("opened", () -> status().equals("Opened hunt.heapscope: 2 dumps"));
        waitUntil("the saved dumps listed", () -> dumpRows().equals(dumps));
        assertThat(text("#connection-state")).isEqualTo("disconnected");
        waitUntil("the same diff", () -> diffRows().equals(diff));
        showTab("leaks");
        waitUntil("the opened session's last dump", () -> window.leaks().titleText().startsWith("Live in dump #2: ")
                && !window.leaks().visibleGroups().isEmpty());
        assertThat(leakRows()).extracting(line -> line.where()).contains("handle_request (request-handler-leak.lua:19)");
    }

    @Test
    void aFileThatIsNotASessionIsRefusedInOneLineThatSaysWhy() throws Exception {
        Path text = Files.writeString(data.resolve("notes.heapscope"), "not a session\n", StandardCharsets.UTF_8);
        window.files().openAny(text);
        waitUntil("refused", () -> status().startsWith("Cannot open: "));
        assertThat(status()).isEqualTo("Cannot open: " + text + ": not a HeapScope session file (it is not a zip archive)");

        Path damaged = Files.write(data.resolve("damaged.heapscope"), new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9, 9, 9});
        window.files().openAny(damaged);
        waitUntil("refused", () -> status().startsWith("Cannot open: " + damaged + ": damaged session file"));
        assertThat(status()).doesNotContain("\n").doesNotContain("java.").doesNotContain("Exception");

        Path missing = data.resolve("gone.heapscope");
        window.files().openAny(missing);
        waitUntil("refused", () -> status().equals("Cannot open: " + missing + ": no such file"));
        assertThat(text("#connection-state")).as("the board is still there").isEqualTo("connected");
    }

    /** Each dump listed: its number, records and live bytes. */
    private List<String> dumpRows() throws Exception {
        return onFx(() -> robot.lookup("#dump-list").queryTableView().getItems().stream()
                .map(item -> (Dump) item).map(d -> "#" + (d.index() + 1) + " " + d.records().size() + " " + d.liveBytes())
                .toList());
    }

    private List<String> diffRows() throws Exception {
        return onFx(() -> window.diff().lines().stream().map(DiffView.Line::row)
                .map(row -> row.status() + " " + row.byteDelta() + " " + row.countDelta()).toList());
    }
}
