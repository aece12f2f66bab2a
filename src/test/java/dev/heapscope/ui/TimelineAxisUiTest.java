package dev.heapscope.ui;

import dev.heapscope.analysis.timeline.DumpTimes;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.model.HeapSample;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.Theme;
import dev.heapscope.ui.timeline.TimelineView;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline of a known session (polls every second, a lost link from 20 s to 30 s, two markers 50 ms
 * apart): the time axis, the hover readout, both close markers labelled, the gap not bridged, reset.
 */
class TimelineAxisUiTest extends WindowTestBase {
    private static final long START = 1_700_000_000_000L;

    @Override
    boolean connectsOnOpen() {
        return false;
    }

    private static SessionSnapshot knownSession() {
        List<HeapSample> samples = new ArrayList<>();
        for (int s = 0; s <= 40; s++) {
            if (s <= 20 || s >= 30) {
                samples.add(new HeapSample(START + s * 1000L, 200_000 - s * 100L));
            }
        }
        List<Marker> markers = List.of(new Marker(Marker.Kind.CONNECT, START, "virtual board"),
                new Marker(Marker.Kind.INIT, START + 10_000, "init(100)"),
                new Marker(Marker.Kind.START, START + 10_050, "start(leaks)"),
                new Marker(Marker.Kind.DISCONNECT, START + 20_500, "cable pulled"),
                new Marker(Marker.Kind.CONNECT, START + 29_500, "reconnected"));
        return new SessionSnapshot(ConnectionState.CONNECTED, TraceState.TRACING, null, "test", List.of(), samples,
                markers, List.of(), List.of(), List.of(), 0);
    }

    @Test
    void axisHoverMarkersAndAGapNotBridged() throws Exception {
        SimpleObjectProperty<SessionSnapshot> source = new SimpleObjectProperty<>();
        SimpleObjectProperty<TimeRange> range = new SimpleObjectProperty<>();
        TimelineView timeline = onFx(() -> {
            TimelineView view = new TimelineView(source, new SimpleObjectProperty<>(DumpTimes.NONE), range,
                    new SimpleObjectProperty<>(Analysis.EMPTY), new SimpleObjectProperty<>(Theme.LIGHT));
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1000, 500));
            stage.show();
            source.set(knownSession());
            return view;
        });
        waitUntil("painted", () -> !timeline.drawn().tickLabels().isEmpty());
        // 41 s across ~940 px: ticks every 5 s, labelled with board time and the wall clock
        assertThat(onFx(() -> timeline.drawn().tickLabels())).contains(
                "5 s " + dev.heapscope.analysis.timeline.TimeTicks.wallLabel((START + 5_000) * 1000,
                        java.time.ZoneId.systemDefault()));
        assertThat(onFx(() -> timeline.drawn().markerLabels())).contains("init", "start");
        List<String> labels = onFx(() -> timeline.drawn().markerLabels());
        List<Integer> rows = onFx(() -> timeline.drawn().markerRows());
        assertThat(rows.get(labels.indexOf("start"))).as("50 ms apart: stacked").isNotEqualTo(rows.get(labels.indexOf("init")));
        assertThat(onFx(() -> timeline.drawn().heapSegments())).as("no line across the lost link").isEqualTo(2);

        double atTwelveSeconds = onFx(() -> timeline.xOf((START + 12_000) * 1000 + 400_000));
        onFx(() -> {
            timeline.hover(atTwelveSeconds);
            return null;
        });
        assertThat(onFx(timeline::readoutText)).startsWith("12.").contains("free heap 198,800 B")
                .contains("0 allocations");
        double inTheGap = onFx(() -> timeline.xOf((START + 25_000) * 1000));
        onFx(() -> {
            timeline.hover(inTheGap);
            return null;
        });
        assertThat(onFx(timeline::readoutText)).contains("no link");
        snapshot(timeline, "timeline-axis");

        onFx(() -> {
            range.set(new TimeRange((START + 1_000) * 1000, (START + 2_000) * 1000));
            timeline.reset();
            return null;
        });
        assertThat(onFx(range::get)).isNull();
        assertThat(onFx(timeline::readoutText)).isEmpty();
    }
}
