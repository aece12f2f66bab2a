package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.GuidedHunt;
import dev.heapscope.ui.hunt.HuntPlan;
import dev.heapscope.ui.hunt.HuntWaitBar;
import dev.heapscope.ui.hunt.ProjectOnBoard;
import dev.heapscope.ui.hunt.WorkloadChooser;
import dev.heapscope.ui.hunt.WorkloadKind;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The hunt's workload chooser wired to the window: it follows the connection bar's target, its File… and
 * Folder… buttons open the dialogs, a newly connected virtual board gets the user's project, and
 * {@link #hunt(int)} turns the choice into a hunt (or says why not).
 */
final class WorkloadControls {
    private final SessionViewModel session;
    private final ProjectOnBoard project;
    private final WorkloadChooser chooser;
    private final HuntWaitBar waitBar;
    private final javafx.scene.control.CheckBox luaSnapshots = new javafx.scene.control.CheckBox("Lua snapshots");

    WorkloadControls(SessionViewModel session, LaunchOptions options, Executor work) {
        this.session = session;
        this.project = new ProjectOnBoard(session::liveBoard, session.hunts()::note, work);
        this.chooser = new WorkloadChooser(ScenarioCatalog.load(), options.scenario(), project);
        this.waitBar = new HuntWaitBar(session.hunts().waitingProperty(), session.hunts()::proceed);
        chooser.onBrowse(this::pickFile, this::pickFolder);
        chooser.disableProperty().bind(session.hunts().busyProperty());
        luaSnapshots.setId("hunt-lua-snapshots");
        luaSnapshots.setTooltip(new javafx.scene.control.Tooltip("The hunt also takes the agent's snapshots of the "
                + "board's Lua heap before and after the workload, to show in Retained by which Lua paths hold what "
                + "grew (adds the agent's upload and its lines on the wire)"));
        luaSnapshots.selectedProperty().bindBidirectional(session.hunts().agentSnapshotsProperty());
        luaSnapshots.disableProperty().bind(session.hunts().busyProperty());
        session.connectionProperty().addListener((obs, old, now) -> {
            // a virtual board boots with an empty flash: the project goes in before it is used
            if (now == ConnectionState.CONNECTED && old != ConnectionState.BOARD_LOST && project.current() != null
                    && session.liveBoard() != null) {
                project.reload();
            }
        });
    }

    /** Follows the connection bar's target. */
    void follow(javafx.beans.value.ObservableValue<String> target) {
        chooser.setTarget(ConnectionBar.SIMULATOR.equals(target.getValue()));
        showLuaSnapshots(!ConnectionBar.SIMULATOR.equals(target.getValue()));
        target.addListener((obs, old, now) -> {
            chooser.setTarget(ConnectionBar.SIMULATOR.equals(now));
            showLuaSnapshots(!ConnectionBar.SIMULATOR.equals(now));
        });
    }

    // the virtual board's hunts have its own exact snapshots: the choice is a serial board's
    private void showLuaSnapshots(boolean serial) {
        luaSnapshots.setVisible(serial);
        luaSnapshots.setManaged(serial);
    }

    List<Node> nodes() {
        return List.of(chooser, luaSnapshots, waitBar);
    }

    WorkloadChooser chooser() {
        return chooser;
    }

    ProjectOnBoard project() {
        return project;
    }

    /** FX thread. Hunts with what is chosen; a choice that is not complete is refused with its reason. */
    CompletableFuture<GuidedHunt.Result> hunt(int bufferRecords) {
        HuntPlan plan;
        try {
            plan = chooser.plan();
        } catch (HuntPlan.Refused e) {
            return session.hunts().refuse(e.getMessage());
        }
        return session.hunts().hunt(plan, bufferRecords);
    }

    private void pickFile() {
        boolean upload = chooser.chosen() != null && chooser.chosen().kind() == WorkloadKind.UPLOAD;
        FileChooser dialog = new FileChooser();
        dialog.setTitle(upload ? "Lua file to upload to the board" : "Lua file for the virtual board's flash");
        dialog.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Lua files", "*.lua"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File picked = dialog.showOpenDialog(chooser.getScene() == null ? null : chooser.getScene().getWindow());
        if (picked != null) {
            if (upload) {
                chooser.useUpload(picked.toPath());
            } else {
                project.open(picked.toPath());
            }
        }
    }

    private void pickFolder() {
        DirectoryChooser dialog = new DirectoryChooser();
        dialog.setTitle("Lua project folder (init.lua and modules) for the virtual board's flash");
        File picked = dialog.showDialog(chooser.getScene() == null ? null : chooser.getScene().getWindow());
        if (picked != null) {
            project.open(picked.toPath());
        }
    }
}
