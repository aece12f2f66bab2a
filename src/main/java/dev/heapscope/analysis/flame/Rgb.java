package dev.heapscope.analysis.flame;

/**
 * An opaque colour as three 8-bit channels: what every flame-graph renderer (JavaFX canvas, SVG,
 * PNG) can express exactly, so the same {@code Rgb} is the same pixel in all of them.
 */
public record Rgb(int red, int green, int blue) {

    public Rgb {
        if ((red | green | blue) >>> 8 != 0) {
            throw new IllegalArgumentException("channels are 0..255: " + red + ", " + green + ", " + blue);
        }
    }

    /** From {@code 0xRRGGBB}. */
    public static Rgb ofPacked(int rgb) {
        return new Rgb(rgb >>> 16 & 0xFF, rgb >>> 8 & 0xFF, rgb & 0xFF);
    }

    /**
     * From hue (degrees, any value; taken modulo 360), saturation and brightness (0..1, clamped), the
     * HSB model JavaFX's {@code Color.hsb} and AWT's {@code Color.getHSBColor} use; each channel is
     * rounded once, at the end.
     */
    public static Rgb ofHsb(double hueDegrees, double saturation, double brightness) {
        double s = clamp(saturation);
        double v = clamp(brightness);
        double sector = (((hueDegrees % 360) + 360) % 360) / 60;
        int whole = (int) Math.floor(sector);
        double f = sector - whole;
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        return switch (whole) {
            case 0 -> channels(v, t, p);
            case 1 -> channels(q, v, p);
            case 2 -> channels(p, v, t);
            case 3 -> channels(p, q, v);
            case 4 -> channels(t, p, v);
            default -> channels(v, p, q);
        };
    }

    /** {@code 0xRRGGBB}. */
    public int packed() {
        return red << 16 | green << 8 | blue;
    }

    /** {@code rgb(r,g,b)}, as an SVG or CSS colour. */
    public String css() {
        return "rgb(" + red + ',' + green + ',' + blue + ')';
    }

    /**
     * This colour with its HSB saturation multiplied by {@code saturationFactor} (0..1: only ever
     * towards grey) and its brightness by {@code brightnessFactor} (clamped at full), the hue kept.
     * Done on the channels: at a fixed hue and brightness each channel is linear in the saturation,
     * {@code c' = max - factor * (max - c)}, so no round trip through HSB is needed.
     */
    public Rgb scaled(double saturationFactor, double brightnessFactor) {
        if (saturationFactor < 0 || saturationFactor > 1 || brightnessFactor < 0) {
            throw new IllegalArgumentException("saturation factor 0..1, brightness factor >= 0: "
                    + saturationFactor + ", " + brightnessFactor);
        }
        int max = Math.max(red, Math.max(green, blue));
        if (max == 0) {
            return this;
        }
        double newMax = Math.min(255, max * brightnessFactor);
        double perUnit = newMax / max / 255;
        return channels((max - saturationFactor * (max - red)) * perUnit,
                (max - saturationFactor * (max - green)) * perUnit,
                (max - saturationFactor * (max - blue)) * perUnit);
    }

    private static Rgb channels(double red, double green, double blue) {
        return new Rgb(channel(red), channel(green), channel(blue));
    }

    private static int channel(double fraction) {
        return (int) Math.round(clamp(fraction) * 255);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
