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
        assign(x, widths, x.length, gapPx, rows, new double[x.length + 1]);
        return rows;
    }

    /**
     * The first {@code count} labels' rows into {@code rows}, with {@code rowEnds} (at least {@code count}
     * long) as scratch: the arrays a redraw keeps, so placing labels allocates nothing.
     */
    public static void assign(double[] x, double[] widths, int count, double gapPx, int[] rows, double[] rowEnds) {
        int used = 0;
        for (int i = 0; i < count; i++) {
            int row = 0;
            while (row < used && rowEnds[row] + gapPx > x[i]) {
                row++;
            }
            rows[i] = row;
            rowEnds[row] = x[i] + widths[i];
            used = Math.max(used, row + 1);
        }
    }

    /** How many rows {@code rows} uses. */
    public static int count(int[] rows) {
        return count(rows, rows.length);
    }

    /** How many rows the first {@code count} of {@code rows} use. */
    public static int count(int[] rows, int count) {
        int most = -1;
        for (int i = 0; i < count; i++) {
            most = Math.max(most, rows[i]);
        }
        return most + 1;
    }
}
