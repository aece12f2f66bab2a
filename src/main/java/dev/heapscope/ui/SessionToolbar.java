package dev.heapscope.ui;

import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.ui.common.LabelledChoice;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import dev.heapscope.session.TraceState;

import java.util.function.Function;

/**
 * The heaptrace verbs, each enabled only when it is valid now, plus heap polling and the guided hunt.
 * Verbs only: files, exports, screenshots and the theme live in the menu bar ({@link AppMenus}), so the
 * whole row fits a 1024-pixel window. Each verb has a glyph (Start and Stop differ at a glance) and
 * never shrinks below its label: nothing reads "St…".
 */
final class SessionToolbar extends ToolBar {
    private final Spinner<Integer> records = new Spinner<>(1, 100_000, 500, 50);
    private final ChoiceBox<TraceMode> mode = LabelledChoice.of(List.of(TraceMode.LEAKS, TraceMode.ALL),
            TraceMode.LEAKS, value -> value == TraceMode.LEAKS ? "Leaks" : "All");
    final Button init = new Button("Init");
    final Button start = new Button("Start");
    final Button stop = new Button("Stop");
    final Button resume = new Button("Resume");
    final Button dump = new Button("Dump");
    final Button gc = new Button("GC");
    final Button hunt = new Button();

    SessionToolbar(SessionViewModel session, Runnable runHunt) {
        getStyleClass().add("verb-bar");
        records.setEditable(true);
        records.setPrefWidth(80);
        records.setTooltip(new Tooltip("Trace buffer size, in records, for Init"));
        records.setId("init-records");
        Label cost = new Label();
        cost.setId("buffer-cost");
        cost.getStyleClass().add("hint");
        cost.textProperty().bind(Bindings.createStringBinding(() -> {
            BoardProfile profile = session.profileProperty().get();
            int count = records.getValue() == null ? 0 : records.getValue();
            return profile == null ? count + " records" : String.format("= %,d B", (long) count * profile.recordBytes());
        }, records.valueProperty(), session.profileProperty()));
        cost.setTooltip(new Tooltip("What the trace buffer takes from the board's heap (records × bytes per record)"));
        javafx.scene.Node[] icons = {VerbIcons.init(), VerbIcons.start(), VerbIcons.stop(), VerbIcons.resume(),
                VerbIcons.dump(), VerbIcons.gc()};
        Button[] verbs = {init, start, stop, resume, dump, gc};
        for (int i = 0; i < verbs.length; i++) {
            verbs[i].setId(verbs[i].getText().toLowerCase(java.util.Locale.ROOT));
            verbs[i].setGraphic(icons[i]);
            verbs[i].getStyleClass().add("verb");
            verbs[i].setMinWidth(Region.USE_PREF_SIZE);
        }
        mode.setId("trace-mode");
        mode.setTooltip(new Tooltip("What Start traces: leaks (blocks not freed) or all allocations"));
        followStartedMode(session);
        init.setOnAction(e -> session.init(records.getValue()));
        start.setOnAction(e -> session.start(mode.getValue()));
        stop.setOnAction(e -> session.stop());
        resume.setOnAction(e -> session.resume());
        dump.setOnAction(e -> session.dump());
        gc.setOnAction(e -> session.collectGarbage());
        // while a hunt runs, the same button stops it (between steps)
        hunt.setOnAction(e -> {
            if (session.hunts().busyProperty().get()) {
                session.hunts().cancel();
            } else {
                runHunt.run();
            }
        });
        hunt.textProperty().bind(Bindings.when(session.hunts().busyProperty()).then("Cancel hunt").otherwise("Guided leak hunt"));
        hunt.setId("hunt");
        hunt.getStyleClass().add("hunt-button");
        hunt.setGraphic(VerbIcons.hunt());
        hunt.setMinWidth(Region.USE_PREF_SIZE);
        init.setTooltip(new Tooltip("heaptrace.init(n): allocate the trace buffer (Ctrl+I)"));
        start.setTooltip(new Tooltip("heaptrace.start(mode) (Ctrl+T)"));
        stop.setTooltip(new Tooltip("heaptrace.stop() (Ctrl+Shift+T)"));
        resume.setTooltip(new Tooltip("heaptrace.resume() (Ctrl+R)"));
        dump.setTooltip(new Tooltip("heaptrace.dump() (Ctrl+D)"));
        gc.setTooltip(new Tooltip("collectgarbage() (Ctrl+G)"));
        hunt.setTooltip(new Tooltip("init, GC, start, dump, run the chosen workload, GC, stop, dump, then show the leaks (Ctrl+Enter)"));
        bindEnabled(session, init, VerbAvailability::init);
        bindEnabled(session, start, VerbAvailability::start);
        bindEnabled(session, stop, VerbAvailability::stop);
        bindEnabled(session, resume, VerbAvailability::resume);
        bindEnabled(session, dump, VerbAvailability::dump);
        bindEnabled(session, gc, VerbAvailability::collectGarbage);
        hunt.disableProperty().bind(Bindings.createBooleanBinding(() -> !session.hunts().busyProperty().get()
                        && !VerbAvailability.of(session.connectionProperty().get(), session.traceProperty().get(), false).hunt(),
                session.connectionProperty(), session.traceProperty(), session.hunts().busyProperty()));
        ChoiceBox<Long> poll = LabelledChoice.of(List.of(0L, 500L, 1000L, 2000L, 5000L), 1000L,
                millis -> "poll " + (millis == 0 ? "off" : millis < 1000 ? millis + " ms" : millis / 1000 + " s"));
        poll.setId("heap-poll");
        session.pollHeapEvery(1000);
        poll.valueProperty().addListener((obs, old, now) -> session.pollHeapEvery(now == null ? 0 : now));
        poll.setTooltip(new Tooltip("How often the free heap is polled for the timeline"));
        // the hunt's progress is a strip along the bottom of its button: no room taken from the row
        ProgressBar progress = new ProgressBar();
        progress.setId("hunt-progress");
        progress.getStyleClass().add("hunt-progress");
        progress.setMouseTransparent(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(session.hunts().progressProperty());
        progress.visibleProperty().bind(session.hunts().busyProperty());
        StackPane huntWithProgress = new StackPane(hunt, progress);
        StackPane.setAlignment(progress, Pos.BOTTOM_CENTER);
        getItems().addAll(new Label("Buffer"), records, cost, init, new Separator(), mode, start, stop, resume,
                new Separator(), dump, gc, new Separator(), poll, new Separator(), huntWithProgress);
    }

    /** The mode box shows the mode the board traces in, whoever started it (a hunt starts in Leaks). */
    private void followStartedMode(SessionViewModel session) {
        session.snapshotProperty().addListener((obs, old, now) -> {
            boolean started = now != null && now.mode() != null && (now.trace() == TraceState.TRACING
                    || now.trace() == TraceState.STOPPED);
            // only on a change, so that the user's choice for the next Start is not overwritten every frame
            if (started && (old == null || old.mode() != now.mode() || old.trace() != now.trace())) {
                mode.setValue(now.mode());
            }
        });
    }

    int bufferRecords() {
        Integer value = records.getValue();
        return value == null ? 500 : value;
    }

    private static void bindEnabled(SessionViewModel session, Button button, Function<VerbAvailability, Boolean> verb) {
        ObservableValue<Boolean> enabled = Bindings.createBooleanBinding(() -> verb.apply(VerbAvailability.of(
                        session.connectionProperty().get(), session.traceProperty().get(), session.hunts().busyProperty().get())),
                session.connectionProperty(), session.traceProperty(), session.hunts().busyProperty());
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !enabled.getValue(), enabled));
    }
}
