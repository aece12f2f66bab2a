package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.bench.RedrawTiming;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.CanvasPane;
import dev.heapscope.ui.common.Theme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What a flame-graph redraw costs on the FX thread: the app's own {@link FlameGraphView} in a shown
 * 1,400 px window, its canvas repainted (layout + paint of a 100,000-node tree). JavaFX records canvas
 * commands on the FX thread and renders them at the next pulse, so this is the time the FX thread is
 * busy. Idle and under load, with the bytes allocated per redraw ({@link RedrawTiming}).
 */
public final class FlamePaintTiming {
    private FlamePaintTiming() {
    }

    public static void main(String[] args) throws Exception {
        RedrawTiming.startFx();
        CallTree tree = RandomCallTree.of(100_000, 42);
        CanvasPane canvas = RedrawTiming.onFx(() -> {
            FlameGraphView view = new FlameGraphView(new SimpleObjectProperty<>(Analysis.EMPTY), Runnable::run,
                    new SimpleObjectProperty<>(Theme.LIGHT));
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1_400, 900));
            stage.show();
            view.showTree(tree);
            return (CanvasPane) view.lookup("#flame-canvas");
        });
        RedrawTiming.idleAndLoaded(String.format("flame redraw (layout + paint) of the app's FlameGraphView, "
                + "%,d-node tree", tree.nodeCount()), canvas);
        RedrawTiming.exitFx(args);
    }
}
