package dev.heapscope.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a retaining path is spelled, whoever found it (the virtual board's collector or the Lua agent on a
 * board): {@code ▸} between steps, keys quoted as Lua would, runs of a repeated step folded into
 * {@code (.next)+}, and long paths shortened in the middle. One spelling, so paths from both compare equal.
 */
public final class PathSpelling {
    public static final String SEPARATOR = " \u25b8 ";
    private static final int MAX_SEGMENTS = 24;

    private PathSpelling() {
    }

    /** A string key as {@code ["..."]} shows it: quotes, backslashes, newlines and control characters escaped. */
    public static String quoted(String text, boolean cut) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 || c == 0x7f ? "\\" + (int) c : String.valueOf(c));
            }
        }
        return out.append(cut ? "\u2026\"" : "\"").toString();
    }

    /** A run of three or more equal segments ({@code .next.next.next}) becomes one {@code (.next)+}. */
    public static List<String> collapseRuns(List<String> segments) {
        List<String> out = new ArrayList<>(segments.size());
        int i = 0;
        while (i < segments.size()) {
            int j = i;
            while (j < segments.size() && segments.get(j).equals(segments.get(i))) {
                j++;
            }
            if (j - i >= 3) {
                out.add("(" + segments.get(i) + ")+");
            } else {
                out.addAll(segments.subList(i, j));
            }
            i = j;
        }
        return out;
    }

    /** The segments joined; a path of more than 24 steps keeps its first and last twelve. */
    public static String elide(List<String> segments) {
        if (segments.size() <= MAX_SEGMENTS) {
            return String.join("", segments);
        }
        int keep = MAX_SEGMENTS / 2;
        int skipped = segments.size() - 2 * keep;
        return String.join("", segments.subList(0, keep)) + " \u2026" + skipped + " more\u2026 "
                + String.join("", segments.subList(segments.size() - keep, segments.size()));
    }
}
