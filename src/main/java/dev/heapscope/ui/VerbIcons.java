package dev.heapscope.ui;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * Small glyphs for the verbs, drawn here as 12×12 paths (no icon set), so that Start and Stop differ at
 * a glance even when a narrow window leaves little room for words. Filled with the text colour of the
 * theme ({@code verb-icon} in the stylesheets), or the disabled text colour with the button.
 */
final class VerbIcons {
    private VerbIcons() {
    }

    /** A buffer: three stacked bars. */
    static Node init() {
        return icon("M1 1h10v2.5H1z M1 4.75h10v2.5H1z M1 8.5h10V11H1z");
    }

    /** Play: a triangle. */
    static Node start() {
        return icon("M2 1L11 6L2 11z");
    }

    /** Stop: a square. */
    static Node stop() {
        return icon("M2 2h8v8H2z");
    }

    /** Resume: a bar and a triangle. */
    static Node resume() {
        return icon("M1 1h2v10H1z M4.5 1L11 6L4.5 11z");
    }

    /** Dump: an arrow down onto a tray. */
    static Node dump() {
        return icon("M5 0h2v5h2.5L6 8.5L2.5 5H5z M0.5 9h1.5v1.5h8V9h1.5v3h-11z");
    }

    /** Collect garbage: a bin. */
    static Node gc() {
        return icon("M1 2h10v1.5H1z M4.5 0.5h3V2h-3z M2 4h8l-0.8 7.5H2.8z");
    }

    /** The hunt: a magnifier. */
    static Node hunt() {
        return icon("M5 0.5a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9z M5 2a3 3 0 1 0 0 6a3 3 0 1 0 0-6z M8 8.9l1.2-1.2l2.6 2.6l-1.2 1.2z");
    }

    private static Node icon(String path) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().add("verb-icon");
        shape.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        return shape;
    }
}
