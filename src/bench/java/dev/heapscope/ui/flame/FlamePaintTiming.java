package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlameSearch;
import dev.heapscope.ui.Theme;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a flame-graph redraw costs on the FX thread: layout plus painting a 100,000-node tree on a
 * 1,400 × 800 canvas (JavaFX records canvas commands on the FX thread and renders them at the next
 * pulse, so this is the time the FX thread is busy). Runs headless (Monocle) by default.
 */
public final class FlamePaintTiming {
    private FlamePaintTiming() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CallTree tree = FlameBenchmark.randomTree(100_000, 42);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        double[] millis = new double[30];
        for (int run = 0; run < millis.length; run++) {
            CompletableFuture<Double> took = new CompletableFuture<>();
            Platform.runLater(() -> {
                Canvas canvas = new Canvas(FlameBenchmark.WIDTH_PX, 800);
                long start = System.nanoTime();
                FlameLayout layout = FlameLayout.of(tree, tree.root(), FlameBenchmark.WIDTH_PX, 1.0);
                FlamePainter.paint(canvas.getGraphicsContext2D(), layout, FlameSearch.of(tree, ""), true, 800, Theme.LIGHT);
                took.complete((System.nanoTime() - start) / 1e6);
            });
            millis[run] = took.get(30, TimeUnit.SECONDS);
        }
        java.util.Arrays.sort(millis, 10, millis.length); // the first 10 runs warm up
        System.out.printf("flame redraw (layout + paint), %d-node tree, %d px: median %.2f ms, worst %.2f ms "
                + "(runs 11-30)%n", tree.nodeCount(), FlameBenchmark.WIDTH_PX, millis[20], millis[29]);
        Platform.exit();
    }
}
