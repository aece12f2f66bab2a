package dev.heapscope.ui.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandHistoryTest {
    @Test
    void upGoesToOlderLinesAndDownComesBackToTheDraft() {
        CommandHistory history = new CommandHistory(10);
        history.add("a = 1");
        history.add("=node.heap()");

        assertThat(history.older("typing")).isEqualTo("=node.heap()");
        assertThat(history.older("=node.heap()")).isEqualTo("a = 1");
        assertThat(history.older("a = 1")).as("stays at the oldest").isEqualTo("a = 1");
        assertThat(history.newer()).isEqualTo("=node.heap()");
        assertThat(history.newer()).isEqualTo("typing");
    }

    @Test
    void repeatedAndBlankLinesAreStoredOnceAndTheOldestDropPastCapacity() {
        CommandHistory history = new CommandHistory(2);
        history.add("x");
        history.add("x");
        history.add("  ");
        assertThat(history.size()).isEqualTo(1);
        history.add("y");
        history.add("z");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.older("")).isEqualTo("z");
        assertThat(history.older("")).isEqualTo("y");
        assertThat(history.older("")).isEqualTo("y");
    }
}
