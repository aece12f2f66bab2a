package dev.heapscope.ui.timeline;

import dev.heapscope.session.Marker;
import dev.heapscope.ui.common.Theme;
import javafx.scene.paint.Color;

/** The timeline's colours derived from a theme, derived once per theme rather than on every redraw. FX thread only. */
final class TimelineColours {
    static final Color LARGEST = Color.web("#ef6c00");

    private Theme theme;
    private Color selection;
    private Color gap;
    private Color bar;
    private final Color[] marker = new Color[Marker.Kind.values().length];
    private final Color[] markerLeader = new Color[marker.length];

    void use(Theme now) {
        if (now == theme) {
            return;
        }
        theme = now;
        selection = now.accent().deriveColor(0, 1, 1, 0.18);
        gap = now.grid().deriveColor(0, 1, 1, 0.35);
        bar = now.accent().deriveColor(0, 0.6, 1, 0.55);
        for (Marker.Kind kind : Marker.Kind.values()) {
            Color color = switch (kind) { // the label is drawn in it: readable colours of the theme
                case RESET, CRASH, DISCONNECT -> now.marks().danger();
                case DUMP -> now.marks().dump();
                case GC -> now.marks().gc();
                default -> now.marks().muted();
            };
            marker[kind.ordinal()] = color;
            markerLeader[kind.ordinal()] = color.deriveColor(0, 1, 1, 0.5);
        }
    }

    Color selection() {
        return selection;
    }

    Color gap() {
        return gap;
    }

    Color bar() {
        return bar;
    }

    Color marker(Marker.Kind kind) {
        return marker[kind.ordinal()];
    }

    /** The line from a marker's label down to the plot: its colour, half transparent. */
    Color leader(Marker.Kind kind) {
        return markerLeader[kind.ordinal()];
    }
}
