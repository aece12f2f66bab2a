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

import java.util.function.Function;

/** The heaptrace verbs, each enabled only when it is valid now, plus heap polling and the guided hunt. */
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

    SessionToolbar(SessionViewModel session, Runnable runHunt, Runnable toggleTheme) {
        records.setEditable(true);
        records.setPrefWidth(90);
        records.setId("init-records");
        Label cost = new Label();
        cost.setId("buffer-cost");
        cost.getStyleClass().add("hint");
        cost.textProperty().bind(Bindings.createStringBinding(() -> {
            BoardProfile profile = session.profileProperty().get();
            int count = records.getValue() == null ? 0 : records.getValue();
            return profile == null ? count + " records" : String.format("= %,d bytes of board heap", (long) count * profile.recordBytes());
        }, records.valueProperty(), session.profileProperty()));
        for (Button verb : new Button[] {init, start, stop, resume, dump, gc}) {
            verb.setId(verb.getText().toLowerCase(java.util.Locale.ROOT));
        }
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
                millis -> millis == 0 ? "off" : millis < 1000 ? millis + " ms" : millis / 1000 + " s");
        session.pollHeapEvery(1000);
        poll.valueProperty().addListener((obs, old, now) -> session.pollHeapEvery(now == null ? 0 : now));
        ProgressBar progress = new ProgressBar();
        progress.setId("hunt-progress");
        progress.setPrefWidth(110);
        progress.progressProperty().bind(session.hunts().progressProperty());
        progress.visibleProperty().bind(session.hunts().busyProperty());
        Button theme = new Button("Light/Dark");
        theme.setOnAction(e -> toggleTheme.run());
        getItems().addAll(new Label("Buffer"), records, cost, init, new Separator(), mode, start, stop, resume,
                new Separator(), dump, gc, new Separator(), new Label("Heap poll"), poll, new Separator(), hunt,
                progress, new Separator(), theme);
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
