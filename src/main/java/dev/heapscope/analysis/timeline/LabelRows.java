package dev.heapscope.analysis.timeline;

/**
 * Rows for labels placed at x positions so that none overprints another: each label goes to the first
 * row whose last label ends (plus a gap) before it starts; close markers stack instead of vanishing.
 */
public final class LabelRows {
    private LabelRows() {
    }

    /**
     * @param x      left edge of each label, in drawing order (any order works; sorted gives compact rows)
     * @param widths width of each label
     * @return the row of each label, 0 first
     */
    public static int[] assign(double[] x, double[] widths, double gapPx) {
        int[] rows = new int[x.length];
        double[] rowEnds = new double[x.length + 1];
        int used = 0;
        for (int i = 0; i < x.length; i++) {
            int row = 0;
            while (row < used && rowEnds[row] + gapPx > x[i]) {
                row++;
            }
            rows[i] = row;
            rowEnds[row] = x[i] + widths[i];
            used = Math.max(used, row + 1);
        }
        return rows;
    }

    /** How many rows {@code rows} uses. */
    public static int count(int[] rows) {
        int most = -1;
        for (int row : rows) {
            most = Math.max(most, row);
        }
        return most + 1;
    }
}
