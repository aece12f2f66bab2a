package dev.heapscope.ui.common;

import java.util.function.ToDoubleFunction;

/**
 * Fits a frame label into a width by cutting its middle, never its end: {@code Registry.lookup
 * (cache-never-evicts.lua:42)} becomes {@code Registry.lookup (cache-ne…rs.lua:42)}, so the
 * {@code :line} a developer looks for stays on screen however narrow the column. Pure: the width of a
 * string is measured by the caller (a font in the UI, a character count in tests).
 */
public final class MiddleEllipsis {
    public static final String ELLIPSIS = "\u2026";

    private MiddleEllipsis() {
    }

    /**
     * {@code text} when it fits in {@code maxWidth}, else its start, an ellipsis and its end, as long as
     * fits; the end always keeps everything from the last {@code ':'} on (the line number), even when
     * that alone is wider than {@code maxWidth}.
     */
    public static String fit(String text, double maxWidth, ToDoubleFunction<String> width) {
        if (text == null || text.isEmpty() || width.applyAsDouble(text) <= maxWidth) {
            return text;
        }
        int colon = text.lastIndexOf(':');
        int minTail = colon < 0 ? 0 : text.length() - colon;
        int low = minTail;
        int high = text.length() - 1;
        if (!fits(text, low, minTail, maxWidth, width)) {
            return ELLIPSIS + text.substring(text.length() - minTail);
        }
        while (low < high) { // the most characters kept that still fit (width grows with characters kept)
            int middle = (low + high + 1) >>> 1;
            if (fits(text, middle, minTail, maxWidth, width)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return cut(text, low, minTail);
    }

    private static boolean fits(String text, int kept, int minTail, double maxWidth, ToDoubleFunction<String> width) {
        return width.applyAsDouble(cut(text, kept, minTail)) <= maxWidth;
    }

    /** {@code kept} characters of {@code text} around an ellipsis: half from each end, the end at least {@code minTail}. */
    static String cut(String text, int kept, int minTail) {
        int tail = Math.max(minTail, kept / 2);
        int head = kept - tail;
        return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
    }
}
