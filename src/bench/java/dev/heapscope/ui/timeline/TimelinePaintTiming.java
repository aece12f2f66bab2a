package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.DumpTimes;
import dev.heapscope.bench.RedrawTiming;
import dev.heapscope.model.HeapSample;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.CanvasPane;
import dev.heapscope.ui.common.Theme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a timeline redraw costs on the FX thread: the app's {@link TimelineView} in a shown 1,400 px
 * window over a session of 100,000 heap polls (one every 100 ms, 2.8 hours) with 400 markers and two
 * lost links. No allocation events: they come only from real dumps' clocks (the band is still reduced).
 */
public final class TimelinePaintTiming {
    private static final long START = 1_700_000_000_000L;

    private TimelinePaintTiming() {
    }

    public static void main(String[] args) throws Exception {
        RedrawTiming.startFx();
        SessionSnapshot session = session(100_000, 400);
        SimpleObjectProperty<SessionSnapshot> source = new SimpleObjectProperty<>();
        CanvasPane canvas = RedrawTiming.onFx(() -> {
            TimelineView view = new TimelineView(source,
                    new SimpleObjectProperty<>(DumpTimes.NONE), new SimpleObjectProperty<>(),
                    new SimpleObjectProperty<>(Analysis.EMPTY), new SimpleObjectProperty<>(Theme.LIGHT));
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1_400, 700));
            stage.show();
            source.set(session); // as a session's first snapshot arrives: the view fits its window to it
            return (CanvasPane) view.lookup("#timeline-canvas");
        });
        for (int wait = 0; wait < 100 && RedrawTiming.onFx(() -> view(canvas).drawn().tickLabels().isEmpty()); wait++) {
            Thread.sleep(100); // the first layout pass sizes the canvas
        }
        if (RedrawTiming.onFx(() -> view(canvas).drawn().tickLabels().isEmpty())) {
            throw new IllegalStateException("the timeline drew nothing: the benchmark would time an early return");
        }
        RedrawTiming.idleAndLoaded(String.format("timeline redraw of the app's TimelineView, %,d heap polls, "
                + "%d markers", session.samples().size(), session.markers().size()), canvas);
        RedrawTiming.exitFx(args);
    }

    private static TimelineView view(CanvasPane canvas) {
        javafx.scene.Node node = canvas;
        while (!(node instanceof TimelineView)) {
            node = node.getParent();
        }
        return (TimelineView) node;
    }

    private static SessionSnapshot session(int polls, int markerCount) {
        Random random = new Random(9);
        List<HeapSample> samples = new ArrayList<>(polls);
        long free = 200_000;
        for (int i = 0; i < polls; i++) {
            free = Math.max(20_000, Math.min(230_000, free + random.nextInt(2_001) - 1_000));
            samples.add(new HeapSample(START + i * 100L, free));
        }
        Marker.Kind[] kinds = {Marker.Kind.INIT, Marker.Kind.START, Marker.Kind.DUMP, Marker.Kind.GC, Marker.Kind.STOP};
        List<Marker> markers = new ArrayList<>();
        markers.add(new Marker(Marker.Kind.CONNECT, START, "board"));
        long span = polls * 100L;
        for (int i = 0; i < markerCount - 5; i++) {
            markers.add(new Marker(kinds[i % kinds.length], START + span * i / markerCount, "m" + i));
        }
        markers.add(new Marker(Marker.Kind.DISCONNECT, START + span / 3, "cable"));
        markers.add(new Marker(Marker.Kind.CONNECT, START + span / 3 + 60_000, "back"));
        markers.add(new Marker(Marker.Kind.DISCONNECT, START + span * 2 / 3, "cable"));
        markers.add(new Marker(Marker.Kind.CONNECT, START + span * 2 / 3 + 60_000, "back"));
        markers.sort(java.util.Comparator.comparingLong(Marker::hostMillis));
        return new SessionSnapshot(ConnectionState.CONNECTED, TraceState.TRACING, null, "bench", List.of(), samples,
                markers, List.of(), List.of(), List.of(), 0);
    }
}
