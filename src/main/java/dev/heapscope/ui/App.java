package dev.heapscope.ui;

import dev.heapscope.session.DataDirectory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HeapScope desktop app: opens connected to the virtual board with a scenario ready to hunt. */
public final class App extends Application {
    private SessionViewModel session;
    private ExecutorService work;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("JavaFX toolkit up");
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        work = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "heapscope-ui-analysis");
            thread.setDaemon(true);
            return thread;
        });
        DataDirectory data = DataDirectory.ofUser();
        session = new SessionViewModel(Platform::runLater, data);
        window = new MainWindow(session, work, options);
        window.select(options.tab() == null ? "Leaks" : options.tab()); // before showing: only that view is made
        // leftovers of earlier runs, offered before this run's session starts an autosave of its own
        window.files().offerRecovery(data.autosaves());
        stage.setTitle("HeapScope");
        stage.setScene(new Scene(window, options.widthPx(), options.heightPx()));
        window.unsaved().guardQuit(stage);
        StartupTrace.mark("window built");
        stage.show();
        StartupTrace.mark("stage shown");
        Launcher.shown();
        // the virtual board boots once the window is painted: on two cores its Lua start-up would delay the first frame
        session.say("Starting the virtual board\u2026");
        FirstFrames.whenPainted(() -> connect(options));
    }

    private void connect(LaunchOptions options) {
        session.connectSimulator(options.board()).thenRun(() -> {
            StartupTrace.mark("virtual board ready");
            if (options.hunt()) {
                Platform.runLater(() -> window.hunt().thenRun(() -> {
                    if (options.tab() != null) {
                        Platform.runLater(() -> window.select(options.tab()));
                    }
                    profile(options);
                }));
            } else {
                profile(options);
            }
        });
    }

    /** {@code --profile LUA}: once connected (and after the hunt), the Lua allocations of LUA in the Flame graph. */
    private void profile(LaunchOptions options) {
        if (options.profile() != null) {
            Platform.runLater(() -> window.luaRuns().run(LuaProfileRequest.forLaunch(options.profile())));
        }
    }

    /** For tests: the window once {@link #start} ran. */
    MainWindow window() {
        return window;
    }

    SessionViewModel session() {
        return session;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (session != null) {
            session.close();
            if (!session.saved().unsaved()) { // saved or discarded when quitting; else left to be recovered
                session.saved().discardKeptAutosaves();
            }
        }
        if (work != null) {
            work.shutdownNow();
        }
    }
}
