package dev.heapscope.session;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided hunt with the agent's snapshots, on a virtual board whose time runs as a real board's does (the
 * agent yields through node.task.post): the snapshots are taken outside the trace, so the agent never shows
 * in the C records, and what grew between them names the path that holds the workload's objects.
 */
class GuidedHuntAgentTest {
    @Test
    void theAgentSnapshotsBeforeTheTraceAndAfterTheLastDumpAndItsGrowthNamesTheHolder() throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(),
                BoardOptions.defaults().withRealTime(true), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            List<GuidedHunt.Step> steps = new CopyOnWriteArrayList<>();
            GuidedHunt.Result result = new GuidedHunt(opened.session(), 200, TraceMode.LEAKS).withAgentSnapshots(true)
                    .onProgress(progress -> steps.add(progress.step()))
                    .run(HuntWorkload.lua("kept = {} for i = 1, 6 do kept[i] = {n = i} end")).get(120, TimeUnit.SECONDS);

            assertThat(steps).containsExactly(GuidedHunt.Step.AGENT_BEFORE, GuidedHunt.Step.INIT,
                    GuidedHunt.Step.GC_BEFORE, GuidedHunt.Step.START, GuidedHunt.Step.FIRST_DUMP,
                    GuidedHunt.Step.WORKLOAD, GuidedHunt.Step.GC_AFTER, GuidedHunt.Step.STOP,
                    GuidedHunt.Step.LAST_DUMP, GuidedHunt.Step.AGENT_AFTER, GuidedHunt.Step.DONE);
            assertThat(result.agent().problem()).isNull();
            assertThat(result.agent().before().complete()).isTrue();
            assertThat(result.agent().after().complete()).isTrue();
            SnapshotGrowth growth = SnapshotGrowth.between(result.agent().heapBefore(), result.agent().heapAfter());
            assertThat(growth.grown()).filteredOn(row -> row.path().grouped().equals("_G.kept[*]"))
                    .singleElement().satisfies(row -> assertThat(row.countGrown()).isEqualTo(6));
            // the 6 tables and what holds them leaked; nothing of the agent's upload or walk did
            long leakedBlocks = DumpDiff.between(result.first(), result.last()).appeared().size();
            assertThat(leakedBlocks).isBetween(7L, 12L);
        }
    }

    @Test
    void withoutTheOptionTheHuntHasNoAgentPart() throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(), BoardOptions.defaults(),
                Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            GuidedHunt.Result result = new GuidedHunt(opened.session(), 100, TraceMode.LEAKS).withAgentSnapshots(false)
                    .run(HuntWorkload.lua("x = 1")).get(60, TimeUnit.SECONDS);
            assertThat(result.agent()).isNull();
        }
    }
}
