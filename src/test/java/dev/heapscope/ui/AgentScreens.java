package dev.heapscope.ui;

import dev.heapscope.session.DataDirectory;
import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the window as people see it with agent snapshots of a serial board, for screenshots under Xvfb
 * ({@code ../shared/tools/xvfb-screenshot.sh OUT.png 40 java -cp … dev.heapscope.ui.AgentScreens --size 1024x700
 * [--dark] [leaks|question|reset]}). The virtual board is served on a pseudo-terminal; the app connects to it as to
 * a serial port, takes an agent snapshot, types a leak, takes another, and shows what was asked for.
 */
public final class AgentScreens {
    private AgentScreens() {
    }

    // a main class that is an Application is refused when JavaFX comes from the class path
    public static void main(String[] args) {
        Application.launch(Screens.class, args);
    }

    public static final class Screens extends Application {
    private SessionViewModel session;

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        LaunchOptions options = LaunchOptions.parse(args);
        Path home = Files.createTempDirectory("heapscope-screens");
        Path tty = home.resolve("tty");
        BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true)), tty, true);
        session = new SessionViewModel(Platform::runLater, DataDirectory.at(home.resolve("data")));
        MainWindow window = new MainWindow(session, java.util.concurrent.Executors.newFixedThreadPool(2), options);
        stage.setTitle("HeapScope");
        stage.setScene(new Scene(window, options.widthPx(), options.heightPx()));
        stage.show();
        String show = args.isEmpty() ? "" : args.get(args.size() - 1);
        Thread script = new Thread(() -> run(window, tty.toString(), show), "screens");
        script.setDaemon(true);
        script.start();
    }

    private void run(MainWindow window, String tty, String show) {
        try {
            // as a user connects: Serial, the pseudo-terminal's path typed, Connect
            Platform.runLater(() -> {
                javafx.scene.Scene scene = window.getScene();
                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<String> target =
                        (javafx.scene.control.ChoiceBox<String>) scene.lookup("#connection-target");
                target.setValue(ConnectionBar.SERIAL);
                ((javafx.scene.control.ComboBox<?>) scene.lookup("#serial-port")).getEditor().setText(tty);
                ((javafx.scene.control.Button) scene.lookup("#connect")).fire();
            });
            while (session.connectionProperty().get() != dev.heapscope.session.ConnectionState.CONNECTED) {
                Thread.sleep(100);
            }
            Thread.sleep(2_500);
            if (show.equals("leaks")) {
                session.init(40).get(10, TimeUnit.SECONDS);
                session.start(dev.heapscope.model.TraceMode.LEAKS).get(10, TimeUnit.SECONDS);
                session.execute("kept = {} for i = 1, 5 do kept[i] = {i} end").get(10, TimeUnit.SECONDS);
                session.dump().get(20, TimeUnit.SECONDS);
                Thread.sleep(1_500);
                Platform.runLater(() -> {
                    window.select("Leaks");
                    window.leaks().selectGroup(0);
                    window.details().toggle(); // F3: the row's chain and what holds it
                });
                return;
            }
            if (show.equals("progress")) { // the board falls silent after the agent's 60th line: the snapshot waits
                session.execute("local p, n = print, 0 print = function(...) n = n + 1 if n <= 60 then return p(...) end end")
                        .get(10, TimeUnit.SECONDS);
                Platform.runLater(() -> window.select("Retained by"));
            }
            if (show.equals("reset")) {
                session.execute("local p, n = print, 0 print = function(...) n = n + 1 if n == 90 then "
                        + "node.restart() end return p(...) end").get(10, TimeUnit.SECONDS);
            }
            onFx(() -> session.luaHeap().take("before")).handle((ok, error) -> ok).get(90, TimeUnit.SECONDS);
            if (show.equals("reset")) {
                Platform.runLater(() -> window.select("Retained by"));
                return;
            }
            session.execute("cache = {} for i = 1, 40 do cache[i] = {n = i, s = 'entry ' .. i} end").get(10, TimeUnit.SECONDS);
            if (show.equals("question")) {
                Platform.runLater(() -> session.luaHeap().agent().askAbove(0, AgentQuestion::ask));
            }
            onFx(() -> session.luaHeap().take("after")).thenRun(() -> Platform.runLater(() -> window.select("Retained by")));
        } catch (Exception e) {
            Platform.runLater(() -> session.say("screens: " + e));
        }
    }

    private static <T> java.util.concurrent.CompletableFuture<T> onFx(
            java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> call) throws Exception {
        java.util.concurrent.CompletableFuture<java.util.concurrent.CompletableFuture<T>> started =
                new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> started.complete(call.get()));
        return started.get(10, TimeUnit.SECONDS);
    }
    }
}
