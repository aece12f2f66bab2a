package dev.heapscope.ui.common;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A view's bar of controls that never hides one behind a ToolBar's "»": in a narrow window its plain
 * labels (titles, summaries, hints; not the short captions of controls) give way, ending in "…" with the whole text in their tooltip,
 * while buttons and boxes keep their size. Styled as a toolbar.
 */
public final class ViewBar {
    /** Style class of the labels that may be drawn shorter than their text. */
    public static final String GIVES_WAY = "gives-way";
    private static final int CAPTION_CHARS = 16;

    private ViewBar() {
    }

    public static HBox of(Node... items) {
        HBox bar = new HBox(6, items);
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node item : items) {
            if (item.getClass() == Label.class && !isCaption((Label) item)) {
                Label label = (Label) item;
                label.setMinWidth(0);
                label.getStyleClass().add(GIVES_WAY);
                HBox.setHgrow(label, Priority.SOMETIMES);
                if (label.getTooltip() == null) {
                    label.tooltipProperty().bind(Bindings.createObjectBinding(() -> label.getText() == null
                            || label.getText().isEmpty() ? null : new Tooltip(label.getText()), label.textProperty()));
                }
            } else if (item instanceof Region region && item.getClass() != Region.class) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    /** A word or two naming the control beside it ("Before", "Show"): it keeps its size like the control. */
    private static boolean isCaption(Label label) {
        String text = label.getText();
        return !label.textProperty().isBound() && text != null && !text.isEmpty() && text.length() <= CAPTION_CHARS;
    }
}
