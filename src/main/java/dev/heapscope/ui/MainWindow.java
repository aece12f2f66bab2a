package dev.heapscope.ui;

import dev.heapscope.ui.common.AnalysisViewModel;
import dev.heapscope.ui.common.Theme;
import dev.heapscope.analysis.timeline.DumpTimes;
import dev.heapscope.ui.console.ConsoleView;
import dev.heapscope.ui.dumps.DiffView;
import dev.heapscope.ui.dumps.DumpListView;
import dev.heapscope.ui.flame.FlameGraphView;
import dev.heapscope.ui.flame.FlameTab;
import dev.heapscope.ui.flame.LuaFlamePane;
import dev.heapscope.ui.flame.LuaProfiles;
import dev.heapscope.ui.leaks.LeakView;
import dev.heapscope.ui.retained.RetainedView;
import dev.heapscope.ui.timeline.TimelineView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The whole window: connection bar, verb toolbar, dumps on the left, the views in tabs, the status bar. */
public final class MainWindow extends BorderPane {
    private final SessionViewModel session;
    private final AnalysisViewModel analysis;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ConnectionBar connectionBar;
    private final SessionToolbar toolbar;
    private final TabPane tabs = new TabPane();
    private final LazyTab<LeakView> leaks;
    private final LazyTab<FlameTab> flame;
    private final LazyTab<RetainedView> retained;
    private final LazyTab<DiffView> diff;
    private final LazyTab<ConsoleView> console;
    private final LazyTab<TimelineView> timeline;
    private final SessionFiles files;
    private final WorkloadControls workload;
    private final SessionExports exports;
    private final UnsavedGuard unsaved;
    private final DetailsController details;
    private final LuaProfiles luaProfiles = new LuaProfiles();
    private final LuaProfileRuns luaRuns;

    public MainWindow(SessionViewModel session, Executor work, LaunchOptions options) {
        this.session = session;
        this.files = new SessionFiles(session, work);
        this.analysis = new AnalysisViewModel(javafx.application.Platform::runLater, work, () -> session.names().symbolizer(),
                () -> session.profileProperty().get() == null ? DumpTimes.DEFAULT_CPU_MHZ
                        : session.profileProperty().get().cpuMhz(), session.luaHeap()::heldBy);
        session.snapshotProperty().addListener((obs, old, now) -> analysis.update(now));
        unsaved = new UnsavedGuard(session.saved(), () -> files.askSave(getScene()));
        session.snapshotProperty().addListener((obs, old, now) -> session.saved().show(now));
        session.luaHeap().list().addListener((javafx.collections.ListChangeListener<dev.heapscope.model.HeapSnapshot>)
                change -> session.saved().heapSnapshots(session.luaHeap().list()));
        files.guardWith(unsaved);
        files.showLuaProfilesWith(found -> session.onFx(() -> found.forEach(luaProfiles::add)));
        connectionBar = new ConnectionBar(session, options, unsaved);
        workload = new WorkloadControls(session, options, work);
        workload.follow(connectionBar.targetProperty());
        toolbar = new SessionToolbar(session, this::hunt);
        exports = new SessionExports(session, files::shown, work);
        SplitPane split = new SplitPane(new DumpListView(analysis), tabs);
        split.setDividerPositions(0.25);
        details = new DetailsController(split, analysis, session);
        // each view is made when its tab is first selected or the window first needs it (LazyTab)
        luaRuns = new LuaProfileRuns(session, luaProfiles, this::showLuaProfile);
        luaRuns.action().setOnAction(e -> profileLua());
        flame = new LazyTab<>("Flame graph", () -> {
            FlameGraphView made = new FlameGraphView(analysis.analysisProperty(), work, theme);
            details.follow(made);
            return new FlameTab(made, new LuaFlamePane(luaProfiles, work, theme, session::say), luaRuns.action());
        });
        exports.luaProfileWhen(() -> flame.tab().isSelected() && flame.view().showingLua() ? luaProfiles.shown() : null);
        leaks = new LazyTab<>("Leaks", () -> {
            LeakView made = new LeakView(analysis.analysisProperty(), frame -> {
                flame().search(frame);
                select("Flame graph");
            }, () -> analysis.rangeProperty().set(null));
            made.onHoldersUnknown(() -> select("Retained by"));
            details.follow(made);
            return made;
        });
        diff = new LazyTab<>("Diff", () -> new DiffView(analysis, () -> session.names().symbolizer(), () -> select("Leaks"),
                work, theme));
        retained = new LazyTab<>("Retained by", () -> {
            RetainedView made = new RetainedView(analysis.analysisProperty(), session.luaHeap().list(),
                    this::takeHeapSnapshot, session.connectionProperty().isEqualTo(
                            dev.heapscope.session.ConnectionState.CONNECTED), work, theme);
            made.follow(session.luaHeap().busyProperty(), session.luaHeap()::cancel);
            return made;
        });
        console = new LazyTab<>("Console", () -> new ConsoleView(session.consoleLines(), this::typed));
        timeline = new LazyTab<>("Timeline", () -> new TimelineView(session.snapshotProperty(), analysis.timesProperty(),
                analysis.rangeProperty(), analysis.analysisProperty(), theme));
        tabs.getTabs().setAll(List.of(leaks.tab(), flame.tab(), retained.tab(), diff.tab(), console.tab(),
                timeline.tab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("views");
        if (options.widthPx() >= 1600) { // narrower windows keep their width for the views: F3 shows it
            details.toggle();
        }
        files.showFoldedIn(tree -> javafx.application.Platform.runLater(() -> {
            flame().showTree(tree);
            select("Flame graph");
        }));
        AppMenus menus = new AppMenus(files, exports, (whole, scale) -> screenshot(whole, scale),
                () -> theme.set(theme.get().other()), index -> tabs.getSelectionModel().select(index));
        menus.addLuaMenu(this::profileLua, this::showLuaProfile);
        unsaved.onReplace(this::resetViews);
        // the workload has a row of its own: its choices (a Lua line, a project's buttons) would push the
        // connection bar's items behind » at 1024 px
        javafx.scene.control.ToolBar huntBar = new javafx.scene.control.ToolBar();
        huntBar.setId("hunt-bar");
        huntBar.getItems().addAll(workload.nodes());
        setTop(new VBox(menus, connectionBar, toolbar, huntBar));
        setCenter(split);
        setBottom(new StatusBar(session));
        if (options.dark()) {
            theme.set(Theme.DARK);
        }
        WindowShortcuts.escapeDropsRange(this, analysis);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                files.acceptDrops(scene);
                WindowShortcuts.install(scene, toolbar, details, this::takeHeapSnapshot);
                applyTheme(scene);
            }
        });
        theme.addListener((obs, old, now) -> {
            if (getScene() != null) {
                applyTheme(getScene());
            }
        });
    }

    /** Runs the guided hunt with the chosen workload, then shows the new records as leaks and the diff. */
    public CompletableFuture<dev.heapscope.session.GuidedHunt.Result> hunt() {
        return workload.hunt(toolbarRecords()).whenComplete((result, error) -> {
            if (result != null) {
                javafx.application.Platform.runLater(() -> {
                    analysis.showNewSince(result.first(), result.last());
                    diff().compare(result.first(), result.last());
                    select("Leaks");
                });
            }
        });
    }

    /** Profile Lua allocations… (Ctrl+Shift+A): asks what to run and shows its flame graph; cancels one under way. */
    public void profileLua() {
        var chosen = workload.chooser().chosen();
        luaRuns.askOrCancel(getScene() == null ? null : getScene().getWindow(), chosen == null ? null : chosen.scenario());
    }

    private void showLuaProfile() {
        flame.view().showLua();
        select("Flame graph");
    }

    /**
     * A line typed at the console: Lua goes to the board; {@code /snapshot [label]} takes a heap snapshot instead
     * (the agent's on a serial board; no Lua line starts with a slash).
     */
    private void typed(String line) {
        String trimmed = line.strip();
        if (trimmed.equals("/snapshot") || trimmed.startsWith("/snapshot ")) {
            takeHeapSnapshot(trimmed.substring("/snapshot".length()).strip());
            return;
        }
        session.execute(line);
    }

    /** Takes a heap snapshot and shows it (or its growth since the one before) in the Retained-by view. */
    public CompletableFuture<dev.heapscope.model.HeapSnapshot> takeHeapSnapshot() {
        return takeHeapSnapshot("");
    }

    private CompletableFuture<dev.heapscope.model.HeapSnapshot> takeHeapSnapshot(String label) {
        return session.luaHeap().take(label).whenComplete((taken, error) -> {
            if (taken != null) {
                javafx.application.Platform.runLater(() -> select("Retained by"));
            }
        });
    }

    /** A new session replaces the one shown: nothing of the old one's diff, zoom, range or selection stays. */
    private void resetViews() {
        analysis.rangeProperty().set(null);
        diff.ifBuilt(DiffView::clear);
        flame.ifBuilt(view -> {
            view.heapTrace().search("");
            view.heapTrace().zoomTo(0);
            view.showHeapTrace();
        });
        luaRuns.cancel("another session replaced this one");
        luaProfiles.clear();
        timeline.ifBuilt(TimelineView::reset);
        details.pane().clear();
        session.say("");
    }

    DetailsController details() {
        return details;
    }

    /** Asks Save/Discard/Cancel before connect, open, recovery and quit replace unsaved dumps. */
    public UnsavedGuard unsaved() {
        return unsaved;
    }

    /** Stops what the window runs in the background (the serial port watcher); the session is closed apart. */
    public void close() {
        connectionBar.close();
    }

    /** The hunt's workload chooser and the user's project on the virtual board. */
    WorkloadControls workload() {
        return workload;
    }

    public RetainedView retained() {
        return retained.view();
    }

    private int toolbarRecords() {
        return toolbar.bufferRecords();
    }

    public void select(String tabName) {
        tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(tabName)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public LeakView leaks() {
        return leaks.view();
    }

    /** The heap trace's flame graph. */
    public FlameGraphView flame() {
        return flame.view().heapTrace();
    }

    /** The Flame graph tab: its source switch, and the Lua allocation profiles. */
    public FlameTab flameTab() {
        return flame.view();
    }

    LuaProfileRuns luaRuns() {
        return luaRuns;
    }

    public DiffView diff() {
        return diff.view();
    }

    public ConsoleView console() {
        return console.view();
    }

    public TimelineView timeline() {
        return timeline.view();
    }

    public AnalysisViewModel analysis() {
        return analysis;
    }

    /** Save (Ctrl+S), open (Ctrl+O) and recover session files. */
    SessionFiles files() {
        return files;
    }

    /** File › Export: the session written as the command line would write it. */
    SessionExports exports() {
        return exports;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private void applyTheme(Scene scene) {
        scene.getStylesheets().setAll(theme.get().stylesheetUrl());
    }

    /** Saves a PNG of the selected view or of the window into the data directory's screenshots folder and says where. */
    public java.nio.file.Path screenshot(boolean wholeWindow, double scale) {
        return Screenshots.saveAndSay(tabs, this, wholeWindow, scale, session);
    }
}
