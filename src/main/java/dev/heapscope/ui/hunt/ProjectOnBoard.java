package dev.heapscope.ui.hunt;

import dev.heapscope.session.HuntWorkload;
import dev.heapscope.sim.FlashProject;
import dev.heapscope.sim.SimulatedBoard;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The user's own Lua file or project folder on the virtual board: read from disk into its flash, the board
 * rebooted so init.lua runs as at power-on; Reload reads the files again. A board connected later (or
 * reconnected) gets the project before its next hunt. Refusals (too many files, too big) are said.
 */
public final class ProjectOnBoard {
    private final Supplier<SimulatedBoard> liveBoard;
    private final Consumer<String> say;
    private final Executor work;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private Runnable changed = () -> { };
    private volatile FlashProject current;
    private volatile Path path;
    private volatile SimulatedBoard loadedInto;

    /** {@code say}: shows a line in the status bar and the console (FX thread). */
    public ProjectOnBoard(Supplier<SimulatedBoard> liveBoard, Consumer<String> say, Executor work) {
        this.liveBoard = liveBoard;
        this.say = say;
        this.work = work;
    }

    void onChange(Runnable listener) {
        this.changed = listener;
    }

    /** FX thread. Reads {@code fileOrFolder} and loads it into the connected virtual board, if any. */
    public CompletableFuture<Void> open(Path fileOrFolder) {
        path = fileOrFolder;
        return reload();
    }

    /** FX thread. Reads the files again into the virtual board's flash and reboots it. */
    public CompletableFuture<Void> reload() {
        Path from = path;
        if (from == null) {
            say.accept("Open a Lua file or project folder first.");
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            FlashProject read;
            try {
                read = FlashProject.read(from);
            } catch (FlashProject.UnloadableException e) {
                Platform.runLater(() -> say.accept("Project not loaded: " + e.getMessage()));
                return;
            }
            FlashProject previous = current;
            current = read;
            SimulatedBoard board = liveBoard.get();
            if (board != null) {
                read.loadAndReset(board, previous == null || loadedInto != board ? null : previous);
                loadedInto = board;
            }
            Platform.runLater(() -> {
                loaded.set(true);
                changed.run();
                say.accept(board == null ? read.describe() + " is ready: it goes into the virtual board's flash when you connect"
                        : "Loaded " + read.describe() + " into the virtual board's flash and rebooted it"
                        + (read.hasBootFile() ? "; init.lua ran at boot" : ""));
            });
        }, work);
    }

    public FlashProject current() {
        return current;
    }

    /** True once a project was read: Reload is offered. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The plan, run on a virtual board that gets the project first when it does not hold it yet. */
    HuntPlan around(HuntPlan plan) {
        return new HuntPlan() {
            @Override
            public String name() {
                return plan.name();
            }

            @Override
            public HuntWorkload workload(SimulatedBoard board, Supplier<CompletableFuture<Void>> wait) {
                HuntWorkload inner = plan.workload(board, wait);
                FlashProject project = current;
                if (board == null || project == null || loadedInto == board) {
                    return inner;
                }
                return new ProjectWorkload(inner, "load " + project.describe() + " into the flash and reboot",
                        () -> CompletableFuture.runAsync(() -> {
                            project.loadAndReset(board, null);
                            loadedInto = board;
                        }, work));
            }
        };
    }
}
