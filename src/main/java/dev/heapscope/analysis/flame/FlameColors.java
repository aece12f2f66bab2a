package dev.heapscope.analysis.flame;

/**
 * A stable colour per frame name (the same name always gets the same colour, in every run): a hue
 * from the name's hash, warm for Lua frames and C functions, grey for addresses and merged runs.
 */
public final class FlameColors {
    private FlameColors() {
    }

    /** Hue (degrees), saturation and brightness (0..1) for this frame name. */
    public static double[] hsb(String name) {
        int hash = name.hashCode() * 0x9E3779B1;
        double spread = ((hash >>> 8) & 0xFFFF) / 65535.0;
        if (name.startsWith("0x") || name.startsWith("[")) {
            return new double[] {220, 0.05, 0.72 + 0.1 * spread};
        }
        if (name.contains(".lua:") || name.contains("(stdin")) {
            return new double[] {18 + 30 * spread, 0.55 + 0.15 * spread, 0.95};
        }
        return new double[] {45 + 15 * spread, 0.45 + 0.2 * spread, 0.92};
    }
}
