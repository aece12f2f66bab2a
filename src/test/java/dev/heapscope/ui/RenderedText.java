package dev.heapscope.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** What a control really shows (its skin's text node, its painted colours), as opposed to what it was given. FX thread. */
final class RenderedText {
    private RenderedText() {
    }

    /** The text the skin draws for {@code labeled}: shorter, with an ellipsis, when it did not fit. */
    static String of(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                return text.getText();
            }
        }
        return "";
    }

    /** Every Text node under {@code parent} (a text field's prompt, a label's text). */
    static List<Text> texts(Parent parent) {
        List<Text> found = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                found.add(text);
            } else if (child instanceof Parent inner) {
                found.addAll(texts(inner));
            }
        }
        return found;
    }

    /** The colours of the topmost background fill of {@code region} (a gradient's stops), else of its nearest painted ancestor. */
    static List<Color> background(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof Region region) {
                Background background = region.getBackground();
                if (background != null && !background.getFills().isEmpty()) {
                    List<BackgroundFill> fills = background.getFills();
                    List<Color> colours = colours(fills.get(fills.size() - 1).getFill());
                    if (!colours.isEmpty() && colours.stream().allMatch(c -> c.getOpacity() > 0.9)) {
                        return colours;
                    }
                }
            }
        }
        return List.of(Color.WHITE);
    }

    static List<Color> colours(Paint paint) {
        if (paint instanceof Color colour) {
            return List.of(colour);
        }
        if (paint instanceof LinearGradient gradient) {
            return gradient.getStops().stream().map(Stop::getColor).toList();
        }
        return List.of();
    }

    /** WCAG 2 contrast ratio of two opaque colours: 1 (same) to 21 (black on white). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The lowest contrast of {@code colour} against any of {@code against} (a gradient's stops). */
    static double contrast(Color colour, List<Color> against) {
        return against.stream().mapToDouble(c -> contrast(colour, c)).min().orElse(1);
    }

    /** {@code top} at {@code opacity} over {@code below}. */
    static Color over(Color top, double opacity, Color below) {
        return below.interpolate(top, opacity);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double value) {
        return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
}
