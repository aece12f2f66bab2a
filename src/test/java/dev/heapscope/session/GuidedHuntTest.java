package dev.heapscope.session;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The hunt as one operation: its steps in order, a workload the user finishes, cancelling between steps. */
class GuidedHuntTest {
    private ProfilingSession session;

    @BeforeEach
    void boot() throws Exception {
        session = new ProfilingSession(new SimulatorTransport(SimulatedBoard.create(BoardProfile.defaults()), false),
                SessionOptions.DEFAULTS);
        session.connect().get(20, TimeUnit.SECONDS);
        session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theStepsAreReportedInTheDocumentedOrderWithoutAPreparationWhenThereIsNone() throws Exception {
        List<GuidedHunt.Step> steps = new CopyOnWriteArrayList<>();
        new GuidedHunt(session, 100, TraceMode.LEAKS).onProgress(progress -> steps.add(progress.step()))
                .run(HuntWorkload.lua("x = 1")).get(30, TimeUnit.SECONDS);
        assertThat(steps).containsExactly(GuidedHunt.Step.INIT, GuidedHunt.Step.GC_BEFORE, GuidedHunt.Step.START,
                GuidedHunt.Step.FIRST_DUMP, GuidedHunt.Step.WORKLOAD, GuidedHunt.Step.GC_AFTER, GuidedHunt.Step.STOP,
                GuidedHunt.Step.LAST_DUMP, GuidedHunt.Step.DONE);
    }

    @Test
    void aUserActionHoldsTheHuntAtTheWorkloadUntilTheUserSaysDone() throws Exception {
        CompletableFuture<Void> userDone = new CompletableFuture<>();
        List<GuidedHunt.Step> steps = new CopyOnWriteArrayList<>();
        CompletableFuture<GuidedHunt.Result> hunt = new GuidedHunt(session, 100, TraceMode.LEAKS)
                .onProgress(progress -> steps.add(progress.step()))
                .run(HuntWorkload.userAction("press the button on the board", userDone));
        await().atMost(20, TimeUnit.SECONDS).until(() -> steps.contains(GuidedHunt.Step.WORKLOAD));
        // what the "user" does meanwhile is between the dumps
        session.execute("held = string.rep('u', 300)").get(10, TimeUnit.SECONDS);
        assertThat(hunt).isNotDone();

        userDone.complete(null);
        GuidedHunt.Result result = hunt.get(30, TimeUnit.SECONDS);
        assertThat(DumpDiff.between(result.first(), result.last()).appeared())
                .anyMatch(record -> record.sizeBytes() >= 300);
    }

    @Test
    void aCancelledHuntStopsBeforeItsNextStepAndNeverRunsTheWorkload() throws Exception {
        session.execute("ran = false").get(10, TimeUnit.SECONDS);
        GuidedHunt hunt = new GuidedHunt(session, 100, TraceMode.LEAKS);
        hunt.onProgress(progress -> {
            if (progress.step() == GuidedHunt.Step.START) {
                hunt.cancel();
            }
        });
        CompletableFuture<GuidedHunt.Result> running = hunt.run(HuntWorkload.lua("ran = true"));
        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CancellationException.class).hasMessageContaining("cancelled before first dump");
        assertThat(session.execute("print(ran)").get(10, TimeUnit.SECONDS).output()).contains("false");
    }
}
