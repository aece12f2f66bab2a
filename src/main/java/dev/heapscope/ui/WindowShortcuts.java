package dev.heapscope.ui;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The verbs' and panes' keys; the menu bar's items carry their own (Ctrl+O/S/P/L, Ctrl+1…6, Ctrl+Shift+A). */
final class WindowShortcuts {
    private WindowShortcuts() {
    }

    static void install(Scene scene, SessionToolbar toolbar, DetailsController details, Runnable heapSnapshot) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), toolbar.init::fire);
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), toolbar.start::fire);
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), toolbar.stop::fire);
        keys.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), toolbar.resume::fire);
        keys.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), toolbar.dump::fire);
        keys.put(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN), toolbar.gc::fire);
        keys.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), toolbar.hunt::fire);
        keys.put(new KeyCodeCombination(KeyCode.F3), details::toggle);
        keys.put(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN), details::toggle);
        keys.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), heapSnapshot);
    }

    /** Esc drops the time range from any view but a text field. */
    static void escapeDropsRange(javafx.scene.Node window, dev.heapscope.ui.common.AnalysisViewModel analysis) {
        window.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && analysis.rangeProperty().get() != null
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                analysis.rangeProperty().set(null);
                e.consume();
            }
        });
    }
}
