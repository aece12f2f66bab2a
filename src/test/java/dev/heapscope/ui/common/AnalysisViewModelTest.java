package dev.heapscope.ui.common;

import dev.heapscope.model.Dump;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import dev.heapscope.symbols.Symbolizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Executor;

import static dev.heapscope.analysis.TestRecords.dump;
import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;

/** Which dumps the views show as snapshots arrive (executors run in place of the FX thread and the workers). */
class AnalysisViewModelTest {
    private final Executor inPlace = Runnable::run;
    private final AnalysisViewModel model = new AnalysisViewModel(inPlace, inPlace, () -> Symbolizer.NONE);
    private final Dump first = dump(0, 1_000, List.of(live(100, 0x100, 0x400d0001)));
    private final Dump second = dump(1, 2_000, List.of(live(100, 0x100, 0x400d0001), live(40, 0x200, 0x400d0002)));

    @Test
    void moreDumpsOfTheSessionKeepTheDiffChosen() {
        model.update(snapshot(first, second));
        model.showNewSince(first, second);
        Dump third = dump(2, 3_000, List.of(live(8, 0x300, 0x400d0003)));

        model.update(snapshot(first, second, third));

        assertThat(model.dumps()).containsExactly(first, second, third);
        assertThat(model.baseProperty().get()).isSameAs(first);
        assertThat(model.selectedProperty().get()).isSameAs(second);
    }

    @Test
    void anotherSessionWithAsManyDumpsIsShownFromItsNewest() {
        model.update(snapshot(first, second));
        model.showNewSince(first, second);
        Dump opened1 = dump(0, 5_000, List.of(live(16, 0x400, 0x400d0004)));
        Dump opened2 = dump(1, 6_000, List.of(live(16, 0x400, 0x400d0004), live(24, 0x500, 0x400d0005)));

        model.update(snapshot(opened1, opened2));

        assertThat(model.dumps()).containsExactly(opened1, opened2);
        assertThat(model.baseProperty().get()).isNull();
        assertThat(model.selectedProperty().get()).isSameAs(opened2);
        assertThat(model.analysisProperty().get().title()).isEqualTo("Live in dump #2");
        assertThat(model.analysisProperty().get().table().totalBytes()).isEqualTo(40);
    }

    private static SessionSnapshot snapshot(Dump... dumps) {
        return new SessionSnapshot(ConnectionState.DISCONNECTED, TraceState.UNKNOWN, null, "test", List.of(dumps),
                List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }
}
