package dev.heapscope.ui.common;

import dev.heapscope.analysis.flame.FlamePalette;
import javafx.scene.paint.Color;

/** Light or dark: the stylesheet for controls and the colours canvases paint with. */
public enum Theme {
    LIGHT("light.css", Color.web("#fbfbfb"), Color.web("#202020"), Color.web("#d0d0d0"), Color.web("#1565c0"),
            FlamePalette.LIGHT, new Marks(Color.web("#616161"), Color.web("#c62828"), Color.web("#8e24aa"), Color.web("#2e7d32"))),
    DARK("dark.css", Color.web("#1e1f22"), Color.web("#e0e0e0"), Color.web("#3c3f45"), Color.web("#64b5f6"),
            FlamePalette.DARK, new Marks(Color.web("#9aa0a6"), Color.web("#ef5350"), Color.web("#ce93d8"), Color.web("#66bb6a")));

    /**
     * Colours of secondary text and of the timeline's markers, each readable as text on the
     * background (contrast 4.5 or more, {@code ThemeContrastUiTest}): a marker's label is drawn in its colour.
     *
     * @param muted  hints, axis labels, markers of verbs
     * @param danger resets, crashes, disconnects
     */
    public record Marks(Color muted, Color danger, Color dump, Color gc) {
    }

    private final String stylesheet;
    private final Color background;
    private final Color text;
    private final Color grid;
    private final Color accent;
    private final FlamePalette flamePalette;
    private final Marks marks;

    Theme(String stylesheet, Color background, Color text, Color grid, Color accent, FlamePalette flamePalette, Marks marks) {
        this.marks = marks;
        this.stylesheet = stylesheet;
        this.background = background;
        this.text = text;
        this.grid = grid;
        this.accent = accent;
        this.flamePalette = flamePalette;
    }

    public String stylesheetUrl() {
        return Theme.class.getResource(stylesheet).toExternalForm();
    }

    public Color background() {
        return background;
    }

    public Color text() {
        return text;
    }

    public Color grid() {
        return grid;
    }

    public Color accent() {
        return accent;
    }

    /** The flame graph's colours on this theme (the exports' too: they are drawn as on {@link #LIGHT}). */
    public FlamePalette flamePalette() {
        return flamePalette;
    }

    /** Secondary text and marker colours. */
    public Marks marks() {
        return marks;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
