package dev.heapscope.ui.hunt;

import dev.heapscope.session.HuntWorkload;
import dev.heapscope.sim.FlashProject;
import dev.heapscope.sim.Scenario;
import dev.heapscope.sim.SimulatedBoard;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the guided hunt runs between its dumps, chosen next to the connection: on the virtual board a bundled
 * scenario, the user's Lua project, a Lua line, a file in its flash or "use the device now"; on a serial
 * board a Lua line, a file on the board, a local file uploaded first, or "use the device now". The last
 * choice is remembered per target. Each kind shows only the field or buttons it needs.
 */
public final class WorkloadChooser extends HBox {
    private final ComboBox<WorkloadChoice> choice = new ComboBox<>();
    private final TextField text = new TextField();
    private final Button file = new Button("File…");
    private final Button folder = new Button("Folder…");
    private final Button reload = new Button("Reload");
    private final Label source = new Label();
    private final List<Scenario> scenarios;
    private final ProjectOnBoard project;
    private final Map<Boolean, WorkloadChoice> lastChoice = new HashMap<>();
    private final Map<WorkloadKind, String> texts = new EnumMap<>(WorkloadKind.class);
    private Path upload;
    private boolean simulator = true;

    /** {@code project}: the user's project and the virtual board it is loaded into. */
    public WorkloadChooser(List<Scenario> scenarios, String defaultScenario, ProjectOnBoard project) {
        super(6);
        this.scenarios = List.copyOf(scenarios);
        this.project = project;
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        choice.setId("workload");
        text.setId("workload-text");
        text.setPrefColumnCount(16);
        file.setId("workload-file");
        folder.setId("workload-folder");
        reload.setId("workload-reload");
        source.setId("workload-source");
        source.getStyleClass().add("hint");
        reload.setTooltip(new Tooltip("Read the project's files again into the virtual board's flash and reboot it"));
        scenarios.stream().filter(s -> s.name().equals(defaultScenario)).findFirst()
                .or(() -> scenarios.stream().findFirst())
                .ifPresent(s -> lastChoice.put(true, new WorkloadChoice(WorkloadKind.SCENARIO, s)));
        lastChoice.put(false, WorkloadChoice.of(WorkloadKind.USE_DEVICE));
        choice.valueProperty().addListener((obs, old, now) -> {
            if (old != null) {
                texts.put(old.kind(), text.getText());
            }
            if (now != null) {
                lastChoice.put(simulator, now);
            }
            show(now);
        });
        text.textProperty().addListener((obs, old, now) -> {
            if (choice.getValue() != null) {
                texts.put(choice.getValue().kind(), now);
            }
        });
        reload.setOnAction(e -> project.reload());
        project.onChange(this::refresh);
        reload.visibleProperty().bind(project.loadedProperty());
        reload.managedProperty().bind(reload.visibleProperty());
        getChildren().addAll(new Label("Workload"), choice, text, file, folder, source, reload);
        setTarget(true);
    }

    /** Lists what the target offers and picks the last choice made for it. */
    public void setTarget(boolean onSimulator) {
        simulator = onSimulator;
        List<WorkloadChoice> items = new ArrayList<>();
        if (onSimulator) {
            scenarios.forEach(s -> items.add(new WorkloadChoice(WorkloadKind.SCENARIO, s)));
        }
        for (WorkloadKind kind : WorkloadKind.values()) {
            if (kind != WorkloadKind.SCENARIO && kind.offeredOn(onSimulator)) {
                items.add(WorkloadChoice.of(kind));
            }
        }
        WorkloadChoice last = lastChoice.get(onSimulator);
        choice.getItems().setAll(items);
        choice.setValue(last != null && items.contains(last) ? last : items.get(0));
        reload.visibleProperty().unbind();
        reload.visibleProperty().bind(project.loadedProperty().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> simulator)));
    }

    /** Chooses a kind (or a scenario by its file name), as picking it in the list does. */
    public void choose(WorkloadKind kind, String scenarioName) {
        choice.getItems().stream().filter(c -> c.kind() == kind
                        && (scenarioName == null || c.scenario() != null && c.scenario().name().equals(scenarioName)))
                .findFirst().ifPresent(choice::setValue);
    }

    public WorkloadChoice chosen() {
        return choice.getValue();
    }

    /** The Lua line, or the name of the file to run, typed for the chosen kind. */
    public void setText(String value) {
        text.setText(value);
    }

    /** The local file to upload to a serial board. */
    public void useUpload(Path path) {
        upload = path;
        show(choice.getValue());
    }

    /** Wires the File… and Folder… buttons to the dialogs that pick an upload, a project file or a project folder. */
    public void onBrowse(Runnable pickFile, Runnable pickFolder) {
        file.setOnAction(e -> pickFile.run());
        folder.setOnAction(e -> pickFolder.run());
    }

    /** The hunt's plan for what is chosen now; refused with a reason when something is missing. */
    public HuntPlan plan() throws HuntPlan.Refused {
        WorkloadChoice chosen = choice.getValue();
        if (chosen == null) {
            throw new HuntPlan.Refused("choose a workload first (next to Connect)");
        }
        String typed = text.getText() == null ? "" : text.getText().strip();
        return switch (chosen.kind()) {
            case SCENARIO -> plan(chosen.scenario().name(), board -> board == null
                    ? HuntWorkload.uploadedScript(chosen.scenario().name(), chosen.scenario().text().getBytes(StandardCharsets.UTF_8))
                    : HuntWorkload.scriptOnVirtualBoard(board, chosen.scenario().name(), chosen.scenario().text(),
                    chosen.scenario().virtualSeconds()));
            case LUA_LINE -> {
                if (typed.isEmpty()) {
                    throw new HuntPlan.Refused("type the Lua line to run between the dumps");
                }
                yield project.around(plan(typed, board -> HuntWorkload.lua(typed)));
            }
            case FILE_ON_BOARD -> {
                if (typed.isEmpty()) {
                    throw new HuntPlan.Refused("type the name of the file on the board to run (app.lua)");
                }
                yield project.around(plan("dofile(\"" + typed + "\")", board -> HuntWorkload.dofile(typed)));
            }
            case PROJECT -> {
                String main = typed.isEmpty() && project.current() != null ? project.current().mainFile() : typed;
                if (project.current() == null) {
                    throw new HuntPlan.Refused("open a Lua file or project folder first (File… or Folder…)");
                }
                yield project.around(plan(project.current().describe() + ": dofile(\"" + main + "\")",
                        board -> HuntWorkload.dofile(main)));
            }
            case UPLOAD -> uploadPlan();
            case USE_DEVICE -> project.around(new HuntPlan() {
                @Override
                public String name() {
                    return "use the device now";
                }

                @Override
                public HuntWorkload workload(SimulatedBoard board, java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> wait) {
                    String what = "use the device now, then Continue";
                    return board == null ? HuntWorkload.userAction(what, wait)
                            : HuntWorkload.userActionOnVirtualBoard(board, what + " (its timers run meanwhile)", wait);
                }
            });
        };
    }

    private HuntPlan uploadPlan() throws HuntPlan.Refused {
        if (upload == null) {
            throw new HuntPlan.Refused("choose the .lua file to upload first (File…)");
        }
        byte[] contents;
        try {
            contents = Files.readAllBytes(upload);
        } catch (java.io.IOException e) {
            throw new HuntPlan.Refused("cannot read " + upload.getFileName());
        }
        String name = upload.getFileName().toString();
        if (name.equals(FlashProject.BOOT_FILE)) {
            throw new HuntPlan.Refused("init.lua runs at every boot: upload a copy under another name");
        }
        return plan(name, board -> HuntWorkload.uploadedScript(name, contents));
    }

    private static HuntPlan plan(String name, java.util.function.Function<SimulatedBoard, HuntWorkload> make) {
        return new HuntPlan() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HuntWorkload workload(SimulatedBoard board, java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> wait) {
                return make.apply(board);
            }
        };
    }

    private void show(WorkloadChoice now) {
        WorkloadKind kind = now == null ? null : now.kind();
        boolean typed = kind == WorkloadKind.LUA_LINE || kind == WorkloadKind.FILE_ON_BOARD || kind == WorkloadKind.PROJECT;
        visible(text, typed);
        visible(file, kind == WorkloadKind.UPLOAD || kind == WorkloadKind.PROJECT);
        visible(folder, kind == WorkloadKind.PROJECT);
        text.setText(texts.getOrDefault(kind, ""));
        text.setPromptText(kind == WorkloadKind.LUA_LINE ? "Lua, e.g. handle_request()"
                : kind == WorkloadKind.PROJECT ? "file to run (default: the project's)" : "app.lua");
        String shown = kind == WorkloadKind.UPLOAD && upload != null ? upload.getFileName().toString()
                : kind == WorkloadKind.SCENARIO && now.scenario() != null ? now.scenario().title()
                : project.current() != null && simulator ? "flash: " + project.current().describe() : "";
        source.setText(shown);
        visible(source, !shown.isEmpty());
        choice.setTooltip(kind == null ? null : new Tooltip(shown.isEmpty() ? now.toString() : shown));
    }

    private static void visible(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** Refreshes the project line after a load. */
    public void refresh() {
        show(choice.getValue());
    }
}
