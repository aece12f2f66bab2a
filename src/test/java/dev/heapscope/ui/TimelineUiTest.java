package dev.heapscope.ui;

import dev.heapscope.analysis.timeline.AllocationEvents;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.ui.leaks.LeakLine;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline: free heap polled while the session runs, the hunt's allocations, a time range that filters the leaks. */
class TimelineUiTest extends WindowTestBase {

    @BeforeEach
    void showTheTimeline() {
        showTab("timeline");
    }

    @Test
    void theFreeHeapAndTheAllocationsAppearAsTheSessionRuns() throws Exception {
        assertThat(onFx(() -> window.timeline().events().isEmpty())).as("no dump, no allocation").isTrue();
        waitUntil("two heap polls", () -> session.snapshotProperty().get().samples().size() >= 2);
        assertThat(text("#status-heap")).matches("free heap [\\d,]+ B \\(min [\\d,]+\\)");
        assertThat(text("#timeline-range")).isEqualTo("No range: the leak table shows every record.");

        runGuidedHunt();
        showTab("timeline");
        waitUntil("the hunt's allocations on the timeline", () -> !window.timeline().events().isEmpty());
        AllocationEvents events = onFx(() -> window.timeline().events());
        assertThat(events.size()).isGreaterThanOrEqualTo(leakRows().stream().mapToInt(LeakLine::count).sum());

        robot.clickOn("#timeline-fit-allocations");
        double width = onFx(() -> canvas().getBoundsInLocal().getWidth());
        assertThat(onFx(() -> window.timeline().xOf(events.timeMicros(0)))).isBetween(0.0, width);
        assertThat(onFx(() -> window.timeline().xOf(events.timeMicros(events.size() - 1)))).isBetween(0.0, width);
        snapshot(window, "timeline");
    }

    @Test
    void aTimeRangeDraggedOnTheTimelineNarrowsTheLeakTableAndEscRestoresIt() throws Exception {
        runGuidedHunt();
        showTab("timeline");
        waitUntil("allocation times estimated for the dump shown", () -> !window.timeline().events().isEmpty()
                && window.analysis().timesProperty().get().covers(window.analysis().selectedProperty().get()));
        long allBytes = onFx(() -> window.leaks().totalBytes());
        int allGroups = leakRows().size();
        AllocationEvents events = onFx(() -> window.timeline().events());
        robot.clickOn("#timeline-fit-allocations");
        long firstMicros = events.timeMicros(0);
        long lastMicros = events.timeMicros(events.size() - 1);
        double fromX = onFx(() -> window.timeline().xOf(firstMicros)) - 4;
        double toX = onFx(() -> window.timeline().xOf(firstMicros + (lastMicros - firstMicros) / 2));
        assertThat(toX - fromX).as("events from %d to %d µs spread over pixels", firstMicros, lastMicros)
                .isGreaterThan(10);
        Point2D origin = onFx(() -> canvas().localToScreen(0, 0));
        double y = origin.getY() + onFx(() -> canvas().getBoundsInLocal().getHeight()) - 40;

        robot.clickOn("#timeline-select");
        robot.drag(new Point2D(origin.getX() + fromX, y)).dropTo(new Point2D(origin.getX() + toX, y));
        waitUntil("the leaks of the range", () -> window.analysis().analysisProperty().get().range() != null);
        long rangedBytes = onFx(() -> window.leaks().totalBytes());
        TimeRange chosen = onFx(() -> window.analysis().rangeProperty().get());
        assertThat(rangedBytes).as("bytes in range (all: %d)", allBytes).isLessThan(allBytes).isPositive()
                .isLessThanOrEqualTo(events.bytesBetween(chosen.fromMicros(), chosen.toMicros()));
        assertThat(onFx(() -> window.leaks().titleText())).contains("allocated");
        assertThat(text("#timeline-range")).startsWith("Range ");
        snapshot(window, "timeline-range");

        robot.type(KeyCode.ESCAPE);
        waitUntil("every record again", () -> window.analysis().analysisProperty().get().range() == null);
        assertThat(onFx(() -> window.leaks().totalBytes())).isEqualTo(allBytes);
        assertThat(leakRows()).hasSize(allGroups);
        assertThat(onFx(() -> window.leaks().titleText())).doesNotContain("allocated");
        assertThat(text("#timeline-range")).startsWith("No range");
    }

    private Node canvas() {
        return robot.lookup("#timeline-canvas").query();
    }
}
