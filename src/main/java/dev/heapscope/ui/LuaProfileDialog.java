package dev.heapscope.ui;

import dev.heapscope.sim.Scenario;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks what to profile: a bundled scenario (virtual board), a Lua chunk, a file on the board or a local file to
 * upload; the count interval, line events, a baseline run. A request that cannot run says why in the dialog, which
 * stays open. Does not block the FX thread.
 */
final class LuaProfileDialog {
    static final ButtonType RUN = new ButtonType("Run profile", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<LuaProfileRequest> dialog = new Dialog<>();
    private final ChoiceBox<LuaProfileRequest.Kind> kind = new ChoiceBox<>();
    private final ChoiceBox<Scenario> scenario = new ChoiceBox<>();
    private final TextField text = new TextField();
    private final Button browse = new Button("Browse…");
    private final Spinner<Integer> interval = new Spinner<>(0, 1_000_000, 0, 10);
    private final CheckBox lines = new CheckBox("Line events (exact lines; off: sample every interval)");
    private final CheckBox baseline = new CheckBox("Run again without the hook to measure the overhead");
    private final Label problem = new Label();
    private LuaProfileRequest accepted;

    /**
     * @param virtualBoard whether the bundled scenarios are offered (they need the virtual board's world)
     * @param scenarios    the bundled scenarios; {@code chosen} is preselected
     * @param last         the request the user made last, to start from, or null
     */
    LuaProfileDialog(boolean virtualBoard, List<Scenario> scenarios, Scenario chosen, LuaProfileRequest last) {
        dialog.setTitle("Profile Lua allocations");
        dialog.setHeaderText("Run a workload on the board under the allocation profiler: the collector is stopped and "
                + "each Lua line is charged the memory it allocates.");
        dialog.getDialogPane().setId("lua-profile-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(RUN, ButtonType.CANCEL);
        kind.getItems().setAll(virtualBoard ? List.of(LuaProfileRequest.Kind.values())
                : List.of(LuaProfileRequest.Kind.CHUNK, LuaProfileRequest.Kind.BOARD_FILE, LuaProfileRequest.Kind.UPLOAD));
        kind.setId("lua-profile-kind");
        scenario.getItems().setAll(scenarios);
        scenario.setValue(chosen != null ? chosen : scenarios.isEmpty() ? null : scenarios.get(0));
        scenario.setId("lua-profile-scenario");
        text.setId("lua-profile-text");
        text.setPrefColumnCount(34);
        browse.setOnAction(e -> pickFile());
        interval.setEditable(true);
        interval.setId("lua-profile-interval");
        interval.setTooltip(new Tooltip("Also a count event every N VM instructions (0: line and return events only)"));
        lines.setSelected(true);
        lines.setId("lua-profile-lines");
        baseline.setId("lua-profile-baseline");
        problem.setId("lua-profile-problem");
        problem.getStyleClass().add("status-warning");
        problem.setWrapText(true);
        if (last != null) {
            interval.getValueFactory().setValue(last.settings().interval());
            lines.setSelected(last.settings().lines());
            baseline.setSelected(last.settings().baseline());
        }
        kind.valueProperty().addListener((obs, old, now) -> kindChanged(now));
        kind.setValue(kind.getItems().get(0));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        HBox workload = new HBox(6, scenario, text, browse);
        HBox.setHgrow(text, Priority.ALWAYS);
        grid.addRow(0, new Label("Workload"), kind);
        grid.addRow(1, new Label(""), workload);
        Label instructions = new Label("VM instructions between count events (0: none)");
        instructions.getStyleClass().add("hint");
        HBox intervalRow = new HBox(6, interval, instructions);
        intervalRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.addRow(2, new Label("Interval"), intervalRow);
        grid.add(lines, 1, 3);
        grid.add(baseline, 1, 4);
        grid.add(problem, 0, 5, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setMinWidth(560);
        dialog.getDialogPane().setPrefWidth(600); // the header wraps instead of widening the dialog
        // a request that cannot run keeps the dialog open with its reason
        dialog.getDialogPane().lookupButton(RUN).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                accepted = LuaProfileRequest.of(kind.getValue(), text.getText(), scenario.getValue(),
                        interval.getValue() == null ? 0 : interval.getValue(), lines.isSelected(), baseline.isSelected());
            } catch (LuaProfileRequest.Refused refused) {
                problem.setText(refused.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == RUN ? accepted : null);
    }

    private void kindChanged(LuaProfileRequest.Kind now) {
        boolean scenarioKind = now == LuaProfileRequest.Kind.SCENARIO;
        show(scenario, scenarioKind);
        show(text, !scenarioKind);
        show(browse, now == LuaProfileRequest.Kind.UPLOAD);
        text.setText("");
        text.setPromptText(switch (now) {
            case CHUNK -> "Lua to run, e.g. for i = 1, 10 do handle_request(i) end";
            case BOARD_FILE -> "file on the board, e.g. app.lua";
            case UPLOAD -> "path of a .lua file on this computer";
            case SCENARIO -> "";
        });
        problem.setText("");
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private void pickFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Lua file to upload to the board and profile");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lua files", "*.lua"));
        File picked = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
        if (picked != null) {
            text.setText(picked.getAbsolutePath());
        }
    }

    /** Shows the dialog over {@code owner}; completes with the request, or null when cancelled. FX thread. */
    CompletableFuture<LuaProfileRequest> ask(Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        CompletableFuture<LuaProfileRequest> answer = new CompletableFuture<>();
        dialog.setOnHidden(e -> answer.complete(dialog.getResult()));
        dialog.show();
        return answer;
    }
}
