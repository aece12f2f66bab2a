package dev.heapscope.ui;

import dev.heapscope.analysis.CallTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who holds the leaks, as the Retained-by icicle draws it, and heap snapshots typed at the console with the
 * growth between them (the leak table's Held-by column is in {@link LeaksUiTest}).
 */
class RetainedByUiTest extends WindowTestBase {

    @Test
    void theIcicleDrawsThePathsHoldingTheLeaks() throws Exception {
        runGuidedHunt();
        showTab("retained-by");
        waitUntil("the retaining paths", () -> window.retained().icicle().tree() != null
                && window.retained().icicle().tree().totalValue() > 0);
        CallTree paths = onFx(() -> window.retained().icicle().tree());
        assertThat(childNames(paths, paths.root())).containsExactly("_G");
        int g = paths.children(paths.root())[0];
        assertThat(childNames(paths, g)).containsExactly(".listeners");
        assertThat(paths.total(g)).isEqualTo(onFx(() -> window.leaks().totalBytes()));
        snapshot(window, "retained-by");
    }

    @Test
    void twoHeapSnapshotsShowWhatGrewBetweenThem() throws Exception {
        showTab("console");
        send("/snapshot before");
        waitUntil("the first snapshot", () -> session.luaHeap().list().size() == 1);
        showTab("console");
        paste("grown = {} for i = 1, 30 do grown[i] = {i} end");
        waitUntil("the tables made", () -> consoleLines().stream().anyMatch(line -> line.startsWith("> grown = {}")));
        send("/snapshot after");
        waitUntil("the growth shown", () -> session.luaHeap().list().size() == 2
                && window.retained().showing().startsWith("Growth from #1 to #2")
                && window.retained().icicle().tree() != null
                && childNames(window.retained().icicle().tree(), 0).contains("_G"));
        assertThat(selectedTab()).isEqualTo("Retained by");
        CallTree growth = onFx(() -> window.retained().icicle().tree());
        int grownRoot = growth.children(growth.root())[0];
        assertThat(childNames(growth, grownRoot)).containsExactly(".grown");
        assertThat(growth.totalValue()).isGreaterThanOrEqualTo(30L * 40);
        assertThat(status()).startsWith("Heap snapshot #2 (after)");
        snapshot(window, "retained-growth");
    }

    private static List<String> childNames(CallTree tree, int node) {
        List<String> names = new ArrayList<>();
        for (int child : tree.children(node)) {
            names.add(tree.name(child));
        }
        return names;
    }
}
