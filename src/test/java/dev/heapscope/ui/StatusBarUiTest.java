package dev.heapscope.ui;

import dev.heapscope.model.TraceMode;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The status bar speaks of the trace in use, in words; the mode box shows the mode the board traces in. */
class StatusBarUiTest extends WindowTestBase {

    @Test
    void anOverflowBelongsToItsTraceAndIsGoneAfterTheNextInit() throws Exception {
        onFx(() -> session.init(5)).get(30, TimeUnit.SECONDS);
        onFx(() -> session.start(TraceMode.ALL)).get(30, TimeUnit.SECONDS);
        waitUntil("tracing all", () -> text("#status-link").equals("connected · tracing all allocations"));
        onFx(() -> session.execute("t = {} for i = 1, 50 do t[i] = {i} end")).get(30, TimeUnit.SECONDS);
        onFx(() -> session.dump()).get(30, TimeUnit.SECONDS);
        waitUntil("the overflow said", () -> text("#status-warning").startsWith("buffer overflowed")
                && text("#status-buffer").equals("records 5/5"));

        runGuidedHunt(); // a new buffer of 500 records: the old overflow is history
        waitUntil("the status of the hunt's own trace", () -> text("#status-buffer").matches("records \\d+/500"));
        assertThat(text("#status-warning")).isEmpty();
        assertThat(text("#status-link")).isEqualTo("connected · stopped tracing leaks");
    }

    @Test
    void theModeBoxShowsTheModeAHuntStarted() throws Exception {
        onFx(() -> {
            mode().setValue(TraceMode.ALL);
            return null;
        });
        runGuidedHunt(); // the hunt traces leaks, whatever the box said
        waitUntil("the box follows", () -> mode().getValue() == TraceMode.LEAKS);

        onFx(() -> {
            mode().setValue(TraceMode.ALL); // the user's choice for the next Start stays while nothing changes
            return null;
        });
        robot.sleep(300);
        assertThat(onFx(() -> mode().getValue())).isEqualTo(TraceMode.ALL);
        robot.clickOn("#start");
        waitUntil("tracing all", () -> text("#status-link").equals("connected · tracing all allocations")
                && mode().getValue() == TraceMode.ALL);
    }

    @SuppressWarnings("unchecked")
    private ChoiceBox<TraceMode> mode() {
        return robot.lookup("#trace-mode").queryAs(ChoiceBox.class);
    }
}
