package dev.heapscope.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentRunWatchTest {
    @Test
    void countsTheAgentsObjectLinesAlsoAfterAPromptAndNothingElse() {
        List<Integer> told = new ArrayList<>();
        AgentRunWatch watch = new AgentRunWatch(told::add);
        watch.sawLine("~HB 1 123 8796 registry=1 upvalues=1 locals=1 yield=1");
        watch.sawLine("> ~HO 1 0 table 56 _G");
        watch.sawLine("~HO 2 1 string 22 ^k");
        watch.sawLine("print('~HO 3')");
        watch.sawLine("~HE 123 2 78 9505 24877 2");
        assertThat(watch.objects()).isEqualTo(2);
        assertThat(told).containsExactly(1, 2);
    }

    @Test
    void aCancelBeforeTheRunIsHandedToItOnceItStarts() {
        AgentRunWatch watch = new AgentRunWatch();
        watch.cancel("cancelled by the user");
        watch.cancel("a second time");
        List<String> cuts = new ArrayList<>();
        watch.onCancel(cuts::add);
        assertThat(watch.isCancelled()).isTrue();
        assertThat(cuts).containsExactly("cancelled by the user");
        watch.cancel("again");
        assertThat(cuts).hasSize(1);
    }
}
