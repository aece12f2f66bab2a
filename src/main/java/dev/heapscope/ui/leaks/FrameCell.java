package dev.heapscope.ui.leaks;

import dev.heapscope.ui.common.MiddleEllipsis;
import javafx.scene.Node;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;

/**
 * A frame label that keeps its {@code :line} in a narrow column: the middle gives way
 * ({@link MiddleEllipsis}), re-fitted at each layout (a column resized, a window narrowed); the tooltip has it whole.
 */
final class FrameCell extends TreeTableCell<LeakLine, String> {
    private final Text measure = new Text();
    private String full;

    FrameCell() {
        getStyleClass().add("frame-cell");
        setTextOverrun(OverrunStyle.CLIP); // we cut it ourselves, in the middle
    }

    /** The label before fitting (null in an empty row). */
    String fullText() {
        return full;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        full = empty ? null : item;
        setTooltip(full == null ? null : new Tooltip(full));
        setText(full); // fitted at the next layout, when the room is known
    }

    /**
     * Fits the text into the room the skin left it: in the tree column the disclosure arrow and the
     * indentation take the cell's left part, so the room is measured from where the text starts.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (full == null) {
            return;
        }
        Node text = lookup(".text");
        double start = text == null ? snappedLeftInset() : text.getLayoutX();
        // one pixel spare: the label's own rounding must not cut what we measured as fitting
        double room = getWidth() - snappedRightInset() - start - 1;
        if (room <= 0) {
            return;
        }
        measure.setFont(getFont());
        String fitted = MiddleEllipsis.fit(full, room, candidate -> {
            measure.setText(candidate);
            return measure.getLayoutBounds().getWidth();
        });
        if (!fitted.equals(getText())) {
            setText(fitted);
            // a layout requested from inside a layout pass is dropped: lay the new text out now
            super.layoutChildren();
        }
    }
}
