package dev.heapscope.ui.leaks;

import dev.heapscope.ui.common.Analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the leak table says when it has no row: why, in the user's terms (a clean hunt is good news, not "no records"). */
final class LeakPlaceholder {
    private static final Pattern NEW_SINCE = Pattern.compile("New in dump #(\\d+) since dump #(\\d+).*");
    private static final Pattern LIVE_IN = Pattern.compile("Live in dump #(\\d+).*");

    private LeakPlaceholder() {
    }

    /** @param filter the frame/holder filter typed above the table ("" when none) */
    static String text(Analysis analysis, String filter) {
        if (!analysis.table().rows().isEmpty()) {
            return filter == null || filter.isBlank() ? "" : "No call chain matches \u201c" + filter.strip() + "\u201d.";
        }
        if (analysis.range() != null) {
            return "No record was allocated in the selected time range (Esc clears it).";
        }
        Matcher newSince = NEW_SINCE.matcher(analysis.title());
        if (newSince.matches()) {
            return "Nothing leaked between dump #" + newSince.group(2) + " and dump #" + newSince.group(1)
                    + ": no record of dump #" + newSince.group(1) + " is new since dump #" + newSince.group(2) + ".";
        }
        Matcher live = LIVE_IN.matcher(analysis.title());
        if (live.matches()) {
            return "Dump #" + live.group(1) + " holds no live record.";
        }
        return "No records yet: run the guided hunt (Ctrl+Enter) or take a dump.";
    }
}
