package dev.heapscope.ui;

import dev.heapscope.analysis.LeakRow;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.AnalysisViewModel;
import dev.heapscope.ui.details.ChainDetails;
import dev.heapscope.ui.details.DetailsPane;
import dev.heapscope.ui.flame.FlameGraphView;
import dev.heapscope.ui.leaks.LeakView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Feeds the details pane: the leak row selected or the flame frame clicked, described with the names the
 * views use, what holds it, and Lua source from the virtual board's flash or from disk. Shows and hides
 * the pane at the right of the window (F3, Ctrl+J).
 */
final class DetailsController {
    private static final double SHOWN_AT = 0.68;
    private final DetailsPane pane = new DetailsPane();
    private final SplitPane split;
    private final AnalysisViewModel analysis;
    private final SessionViewModel session;
    private double lastPosition = SHOWN_AT;

    DetailsController(SplitPane split, AnalysisViewModel analysis, SessionViewModel session) {
        this.split = split;
        this.analysis = analysis;
        this.session = session;
        analysis.analysisProperty().addListener((obs, old, now) -> {
            if (now == null || now.records().isEmpty()) {
                pane.clear();
            }
        });
    }

    /** Describes the leak row selected in {@code leaks} (called once the view is made: views are made on first use). */
    void follow(LeakView leaks) {
        leaks.onRowSelected(row -> {
            if (row != null) {
                describe("Leak row: " + row.count() + " records, " + row.totalBytes() + " bytes", row.chain(),
                        row.records());
            }
        });
    }

    /** Describes the frame clicked in {@code flame}. */
    void follow(FlameGraphView flame) {
        // after the canvas' own handler: the click has zoomed onto the frame by then
        flame.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (flame.tree() != null && flame.zoomNode() > 0 && flame.tree().nodeCount() > flame.zoomNode()) {
                frame(flame.tree().path(flame.zoomNode()));
            }
        });
    }

    DetailsPane pane() {
        return pane;
    }

    /** Shows or hides the pane; it keeps where the user dragged its divider. */
    void toggle() {
        if (split.getItems().contains(pane)) {
            lastPosition = split.getDividerPositions()[split.getDividerPositions().length - 1];
            split.getItems().remove(pane);
        } else {
            split.getItems().add(pane);
            split.setDividerPosition(split.getItems().size() - 2, lastPosition);
        }
    }

    boolean shown() {
        return split.getItems().contains(pane);
    }

    private void frame(List<String> outermostFirst) {
        Analysis shown = analysis.analysisProperty().get();
        ChainDetails.chainUnder(outermostFirst, shown.records(), shown.symbolizer()).ifPresentOrElse(chain ->
                describe("Flame frame: " + outermostFirst.get(outermostFirst.size() - 1) + " (the heaviest chain under it)",
                        chain, shown.records().stream().filter(r -> r.caller().equals(chain)).toList()),
                () -> pane.show("Flame frame: " + String.join(" > ", outermostFirst)));
    }

    private void describe(String title, CallChain chain, List<Record> records) {
        Analysis shown = analysis.analysisProperty().get();
        pane.show(ChainDetails.describe(title, chain, records, shown.symbolizer(), shown.heldBy(), this::source));
    }

    /** A Lua file's lines: the virtual board's flash first (where its scripts run from), else the disk. */
    private Optional<List<String>> source(String file) {
        SimulatedBoard board = session.liveBoard();
        if (board != null) {
            Optional<byte[]> flashed = board.console().files().read(file.startsWith("@") ? file.substring(1) : file);
            if (flashed.isPresent()) {
                return Optional.of(new String(flashed.get(), StandardCharsets.UTF_8).lines().toList());
            }
        }
        try {
            Path path = Path.of(file);
            // decoded leniently: readAllLines would refuse the whole file over one byte that is not UTF-8
            return Files.isRegularFile(path) ? Optional.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8).lines().toList()) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // a file that cannot be read has no preview; the frame still shows
        }
    }
}
