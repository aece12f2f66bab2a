package dev.heapscope.analysis.flame;

/**
 * The one colour scheme of HeapScope's flame graphs. The app's canvas, the SVG export and the PNG
 * export all take their colours from here, so a frame looks the same on screen, in a file and in a
 * bug report's image.
 *
 * <p>A frame's colour comes from its name alone, stable in every run and every JVM
 * ({@link String#hashCode} is specified): a hue from the name's hash, warm for Lua frames and C
 * functions, grey for bare addresses and {@code [...]} placeholders. It is the same in both themes on
 * purpose: labels are dark text on either theme, so fills stay light, and a dark-theme screenshot
 * matches the (light) exports. The theme only decides how frames a search does not match recede:
 * towards the background, so lighter on {@link #LIGHT} and darker on {@link #DARK}.
 */
public enum FlamePalette {
    LIGHT(1.05),
    DARK(0.55);

    private static final Rgb LABEL = Rgb.ofPacked(0x1a1a1a);
    private static final Rgb SEARCH_MATCH = Rgb.ofPacked(0xe040fb);
    private static final Rgb MERGED_FRAMES = Rgb.ofHsb(0, 0, 0.8);
    /** What a search's non-matches keep of their saturation: JavaFX's {@code desaturate()} twice (0.7²). */
    private static final double DIMMED_SATURATION = 0.49;

    private final double dimmedBrightness;

    FlamePalette(double dimmedBrightness) {
        this.dimmedBrightness = dimmedBrightness;
    }

    /** The colour of a frame called {@code name}. */
    public Rgb frame(String name) {
        // the golden-ratio multiplier scatters names that differ in one character over the whole range
        int hash = name.hashCode() * 0x9E3779B1;
        double spread = ((hash >>> 8) & 0xFFFF) / 65535.0;
        if (name.startsWith("0x") || name.startsWith("[")) {
            return Rgb.ofHsb(220, 0.05, 0.72 + 0.1 * spread);
        }
        if (name.contains(".lua:") || name.contains("(stdin")) {
            return Rgb.ofHsb(18 + 30 * spread, 0.55 + 0.15 * spread, 0.95);
        }
        return Rgb.ofHsb(45 + 15 * spread, 0.45 + 0.2 * spread, 0.92);
    }

    /**
     * A differential flame graph's colour for a frame: grown red, shrunk blue, new purple, unchanged
     * grey; {@code changedShare} (0..1, the change as a share of the frame's size now) makes red and
     * blue stronger, so a frame that doubled stands out from one that grew by a byte.
     */
    public Rgb change(FlameDiff.Change change, double changedShare) {
        double share = Math.max(0, Math.min(1, changedShare));
        return switch (change) {
            case NEW -> Rgb.ofHsb(285, 0.55, 0.9);
            case GROWN -> Rgb.ofHsb(0, 0.25 + 0.65 * share, 0.95);
            case SHRUNK -> Rgb.ofHsb(215, 0.25 + 0.65 * share, 0.95);
            case SAME -> Rgb.ofHsb(0, 0, 0.82);
        };
    }

    /** A box standing for a run of frames each too narrow to draw: neutral, as it has no one name. */
    public Rgb mergedFrames() {
        return MERGED_FRAMES;
    }

    /** Frames a search matches: a magenta no name or change colour comes near. */
    public Rgb searchMatch() {
        return SEARCH_MATCH;
    }

    /** {@code colour} (a frame's) when a search is active and does not match it. */
    public Rgb dimmed(Rgb colour) {
        return colour.scaled(DIMMED_SATURATION, dimmedBrightness);
    }

    /** Frame labels. */
    public Rgb label() {
        return LABEL;
    }
}
