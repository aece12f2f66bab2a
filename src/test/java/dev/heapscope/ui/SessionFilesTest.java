package dev.heapscope.ui;

import dev.heapscope.session.Autosave;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.SavedSession;
import dev.heapscope.session.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Save, open and autosave as the window does them, without a stage (a thread stands in for FX). */
class SessionFilesTest {
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    @TempDir
    Path dir;
    private SessionViewModel session;
    private SessionFiles files;

    @org.junit.jupiter.api.BeforeEach
    void files() {
        session = new SessionViewModel(fx, dev.heapscope.session.DataDirectory.at(dir));
        files = new SessionFiles(session, work, new RecentSessions(dir.resolve("recent.txt")));
    }

    @AfterEach
    void close() {
        session.close();
        fx.shutdownNow();
        work.shutdownNow();
    }

    @Test
    void aLiveSessionIsAutosavedWhileItRunsAndSavedToAFileThatOpensIntoTheViews() throws Exception {
        Path autosaves = session.dataDirectory().autosaves();
        session.connectSimulator("esp32-devkitc").get(30, TimeUnit.SECONDS);
        waitFor(() -> session.connectionProperty().get() == ConnectionState.CONNECTED);
        session.init(100).get(20, TimeUnit.SECONDS);
        session.dump().get(20, TimeUnit.SECONDS);
        try (var running = Files.list(autosaves)) {
            assertThat(running.toList()).singleElement()
                    .satisfies(d -> assertThat(d.resolve("transcript.bin")).isNotEmptyFile());
        }

        Path file = dir.resolve("live.heapscope");
        files.save(file).get(20, TimeUnit.SECONDS);
        assertThat(SessionStore.open(file).dumps()).hasSize(1);
        assertThat(SessionStore.open(file).manifest().profile()).isEqualTo("esp32-devkitc");

        files.open(file).get(20, TimeUnit.SECONDS);
        waitFor(() -> session.connectionProperty().get() == ConnectionState.DISCONNECTED
                && session.snapshotProperty().get() != null && session.snapshotProperty().get().bytesReceived() > 0
                && session.messageProperty().get().startsWith("Opened"));
        assertThat(session.snapshotProperty().get().dumps()).hasSize(1);
        // The session closes on the work thread; a clean close deletes its autosave folder.
        waitFor(() -> {
            try (var left = Files.list(autosaves)) {
                return left.findAny().isEmpty();
            }
        });
        assertThat(Autosave.findRecoverable(autosaves)).isEmpty();
    }

    @Test
    void aRecoveredAutosaveIsShownAndDiscardedOnceSaved() throws Exception {
        Path leftover = Files.createDirectories(dir.resolve("autosave").resolve("20260101-000000-1"));
        try (InputStream in = getClass().getResourceAsStream("/logs/shared/nodemcu-session-idf51.log")) {
            Files.copy(in, leftover.resolve("transcript.bin"));
        }
        SavedSession recovered = files.recover(leftover).get(20, TimeUnit.SECONDS);
        assertThat(recovered.dumps()).hasSize(2);
        waitFor(() -> session.snapshotProperty().get() != null && session.snapshotProperty().get().dumps().size() == 2);

        Path file = dir.resolve("recovered.heapscope");
        files.save(file).get(20, TimeUnit.SECONDS);
        assertThat(SessionStore.open(file).dumps()).hasSize(2);
        assertThat(leftover).doesNotExist();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void anyConsoleLogOpensAsASessionAndJoinsTheRecentList() throws Exception {
        Path log = Path.of(getClass().getResource("/logs/shared/nodemcu-session-idf51.log").toURI());
        files.openAny(log).get(20, TimeUnit.SECONDS);
        waitFor(() -> session.messageProperty().get().startsWith("Opened the log"));
        assertThat(session.snapshotProperty().get().dumps()).hasSize(2);
        RecentSessions recent = new RecentSessions(dir.resolve("recent.txt"));
        assertThat(recent.list()).containsExactly(log.toAbsolutePath());
    }

    @Test
    void theRecentListKeepsTheNewestFirstWithoutDuplicatesOrVanishedFiles() throws Exception {
        RecentSessions recent = new RecentSessions(dir.resolve("recent.txt"));
        Path a = Files.writeString(dir.resolve("a.log"), "x");
        Path b = Files.writeString(dir.resolve("b.log"), "y");
        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertThat(recent.list()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
        Files.delete(b);
        assertThat(recent.list()).containsExactly(a.toAbsolutePath());
        for (int i = 0; i < RecentSessions.MAX + 3; i++) {
            recent.add(Files.writeString(dir.resolve("n" + i + ".log"), "z"));
        }
        assertThat(recent.list()).hasSize(RecentSessions.MAX);
    }

    @Test
    void foldedStacksOfAnotherToolOpenInTheFlameGraph() throws Exception {
        Path folded = Files.writeString(dir.resolve("other.folded"), "main;parse;malloc 300\nmain;log 100\n");
        java.util.concurrent.CompletableFuture<dev.heapscope.analysis.CallTree> shown =
                new java.util.concurrent.CompletableFuture<>();
        files.showFoldedIn(shown::complete);
        files.openAny(folded);
        dev.heapscope.analysis.CallTree tree = shown.get(20, TimeUnit.SECONDS);
        assertThat(tree.totalValue()).isEqualTo(400);
        assertThat(tree.find(java.util.List.of("main", "parse", "malloc"))).isPositive();
        waitFor(() -> session.messageProperty().get().startsWith("Opened folded stacks"));
    }
}
