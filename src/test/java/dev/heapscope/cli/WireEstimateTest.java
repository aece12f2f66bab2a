package dev.heapscope.cli;

import dev.heapscope.session.UploadedRunTime;
import dev.heapscope.session.WireTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate's sentence: the upload counted only when it will happen, "up to" when the board did not say. */
class WireEstimateTest {
    private static final WireTime TIMED = new WireTime(115_200, 0.0132, 0.0012);
    private static final UploadedRunTime AGENT = new UploadedRunTime(16.4, 8.6);

    @Test
    void onAFreshBoardTheUploadIsCountedAndNamed() {
        assertThat(WireEstimate.sentence(AGENT, false, "the agent", "takes", TIMED)).isEqualTo("takes about 25 s at 115200 "
                + "baud, 16 s of it typing the agent into the board's flash (an estimate: a typed line took 13.2 ms here plus "
                + "1.20 ms a character)");
    }

    @Test
    void withTheToolInFlashOnlyTheRunIsCounted() {
        assertThat(WireEstimate.sentence(AGENT, true, "the agent", "takes", TIMED))
                .startsWith("takes about 9 s at 115200 baud, the agent already in the board's flash (an estimate:");
    }

    @Test
    void whenTheBoardDidNotSayItIsTheMost() {
        assertThat(WireEstimate.sentence(AGENT, null, "the profiler", "takes", TIMED)).startsWith("takes up to about 25 s "
                + "at 115200 baud, 16 s of it typing the profiler into the board's flash unless it is there already");
    }

    @Test
    void longRunsAreInMinutes() {
        assertThat(WireEstimate.duration(185)).isEqualTo("3 min 05 s");
        assertThat(WireEstimate.duration(0.2)).isEqualTo("1 s");
    }
}
