package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;

/**
 * The text drawn in a box: the frame's name, cut with an ellipsis to the characters that fit. Kept per
 * node while the box's width in characters stays the same, and per (count, width) for merged runs, so a
 * redraw builds no strings unless a box's width bucket changed. FX thread only.
 */
final class FlameLabels {
    private static final int MERGED_SLOTS = 256;

    private CallTree tree;
    private String[] texts = new String[0];
    private int[] charsOf = new int[0];
    private final int[] mergedCount = new int[MERGED_SLOTS];
    private final int[] mergedChars = new int[MERGED_SLOTS];
    private final String[] mergedTexts = new String[MERGED_SLOTS];

    /** The label of {@code node} in a box {@code chars} characters wide (at least 3). */
    String frame(CallTree shown, int node, int chars) {
        if (shown != tree) {
            tree = shown;
            texts = new String[shown.nodeCount()];
            charsOf = new int[shown.nodeCount()];
        }
        String known = texts[node];
        if (known != null && (charsOf[node] == chars || (charsOf[node] == Integer.MAX_VALUE
                && chars >= known.length()))) {
            return known;
        }
        String name = shown.name(node);
        boolean whole = chars >= name.length();
        String text = whole ? name : cut(name, chars);
        texts[node] = text;
        charsOf[node] = whole ? Integer.MAX_VALUE : chars; // a whole name fits every wider box too
        return text;
    }

    /** The label of a box standing for {@code count} frames too narrow to draw. */
    String merged(int count, int chars) {
        int slot = (count * 31 + chars) & (MERGED_SLOTS - 1);
        if (mergedTexts[slot] != null && mergedCount[slot] == count && mergedChars[slot] == chars) {
            return mergedTexts[slot];
        }
        String name = count + " small frames";
        String text = chars >= name.length() ? name : cut(name, chars);
        mergedCount[slot] = count;
        mergedChars[slot] = chars;
        mergedTexts[slot] = text;
        return text;
    }

    static String cut(String name, int chars) {
        return name.substring(0, chars - 1) + "…";
    }
}
