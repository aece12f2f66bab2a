package dev.heapscope.ui;

import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.AnalysisViewModel;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.TraceState;
import dev.heapscope.sim.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The view models on the virtual board, without a stage: a single thread stands in for the FX thread. */
class SessionViewModelTest {
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path data;
    private SessionViewModel session;

    @BeforeEach
    void connect() throws Exception {
        session = new SessionViewModel(fx, dev.heapscope.session.DataDirectory.at(data));
        session.connectSimulator("esp32-devkitc").get(30, TimeUnit.SECONDS);
        waitFor(() -> session.connectionProperty().get() == ConnectionState.CONNECTED);
    }

    @AfterEach
    void close() {
        session.close();
        fx.shutdownNow();
    }

    @Test
    void theGuidedHuntFindsTheRequestHandlerLeakAtItsLuaLine() throws Exception {
        Scenario scenario = ScenarioCatalog.named("request-handler-leak.lua");
        dev.heapscope.session.GuidedHunt.Result result = session.hunts().hunt(scenario.name(), scenario.text(), 0, 500).get(90, TimeUnit.SECONDS);

        Analysis analysis = AnalysisViewModel.compute(result.first(), result.last(), session.names().symbolizer());
        assertThat(result.workloadError()).isNull();
        assertThat(analysis.title()).isEqualTo("New in dump #2 since dump #1");
        assertThat(analysis.table().totalBytes()).isGreaterThan(1000);
        LeakRow largest = analysis.table().rows().get(0);
        assertThat(analysis.labels().topFrame(largest.chain())).matches("handle_request \\(request-handler-leak\\.lua:\\d+\\)");
        assertThat(analysis.labels().describe(largest.chain())).contains("main chunk (request-handler-leak.lua:26)");
        waitFor(() -> session.traceProperty().get() == TraceState.STOPPED && !session.hunts().busyProperty().get());
        assertThat(session.messageProperty().get()).startsWith("Guided hunt done");
        waitFor(() -> session.consoleLines().stream().anyMatch(line -> line.text().contains("handled\t25\trequests")));
    }

    @Test
    void aVerbTheSessionRefusesShowsItsReason() throws Exception {
        waitFor(() -> session.traceProperty().get() == TraceState.NO_BUFFER);
        assertThatThrownBy(() -> session.start(dev.heapscope.model.TraceMode.LEAKS).get(10, TimeUnit.SECONDS))
                .hasMessageContaining("no trace buffer");
        waitFor(() -> session.messageProperty().get().contains("refused"));
        assertThat(session.messageProperty().get()).contains("heaptrace.init(n) first");
    }

    @Test
    void onlyTheVerbsValidInTheTraceStateAreOffered() {
        VerbAvailability fresh = VerbAvailability.of(ConnectionState.CONNECTED, TraceState.NO_BUFFER, false);
        assertThat(fresh.init()).isTrue();
        assertThat(fresh.start()).isFalse();
        assertThat(fresh.stop()).isFalse();
        VerbAvailability tracing = VerbAvailability.of(ConnectionState.CONNECTED, TraceState.TRACING, false);
        assertThat(tracing.stop()).isTrue();
        assertThat(tracing.resume()).isFalse();
        assertThat(VerbAvailability.of(ConnectionState.CONNECTED, TraceState.STOPPED, false).resume()).isTrue();
        assertThat(VerbAvailability.of(ConnectionState.BOARD_LOST, TraceState.TRACING, false).dump()).isFalse();
        assertThat(VerbAvailability.of(ConnectionState.CONNECTED, TraceState.TRACING, true).hunt()).isFalse();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Boolean met = fx.submit(condition).get(5, TimeUnit.SECONDS);
            if (met) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
