package dev.heapscope.ui.flame;

import dev.heapscope.model.LuaAllocationProfile;

import java.util.Locale;

/** What the Lua flame graph's title, chooser and the status line say of a profile. */
public final class LuaProfileTexts {
    static final String NONE = "No Lua allocation profile yet: Profile Lua allocations… (Ctrl+Shift+A) runs a "
            + "workload on the connected board with the collector stopped and charges each Lua line the memory it "
            + "allocated.";

    private LuaProfileTexts() {
    }

    /** The chooser's line: {@code #2 request-handler-leak.lua · 3,456 B}. */
    static String choice(LuaProfiles.Entry entry) {
        return String.format(Locale.ROOT, "#%d %s · %,d B%s", entry.number(), entry.workload(),
                entry.profile().totalBytes(), entry.profile().complete() ? "" : " (INCOMPLETE)");
    }

    /** The title above the flame graph: totals, hook calls, overhead, what was dropped or left out, why incomplete. */
    public static String summary(LuaProfiles.Entry entry) {
        if (entry == null) {
            return NONE;
        }
        LuaAllocationProfile profile = entry.profile();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Lua allocations #%d of %s: %,d bytes on %,d line%s, %,d stack%s", entry.number(), entry.workload(),
                profile.totalBytes(), profile.lines().size(), plural(profile.lines().size()), profile.stacks().size(),
                plural(profile.stacks().size())));
        if (profile.hooks() >= 0) {
            text.append(String.format(Locale.ROOT, " · %,d hook calls", profile.hooks()));
        }
        text.append(" · ").append(overhead(profile));
        LuaAllocationProfile.Dropped dropped = profile.dropped();
        if (dropped.lines() > 0 || dropped.stacks() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d line%s and %,d stack%s (%,d bytes) did not fit the board's "
                            + "tables", dropped.lines(), plural(dropped.lines()), dropped.stacks(), plural(dropped.stacks()),
                    dropped.bytes()));
        }
        if (profile.ownBytes() > 0) {
            text.append(String.format(Locale.ROOT, " · the profiler's own %,d bytes left out", profile.ownBytes()));
        }
        if (!profile.complete()) {
            text.append(" · INCOMPLETE: ").append(profile.problem());
        }
        return text.toString();
    }

    /** {@code hook overhead 4.6× board time (estimated)}, or what is known when the factor is not. */
    public static String overhead(LuaAllocationProfile profile) {
        LuaAllocationProfile.Overhead overhead = profile.overhead();
        if (overhead == null) {
            return "hook overhead not known (the end line did not arrive)";
        }
        double factor = overhead.factor();
        if (overhead.baseMicros() < 0) {
            return String.format(Locale.ROOT, "%,d µs with the hook, overhead not measured", overhead.hookedMicros());
        }
        if (Double.isNaN(factor)) { // a board clock too coarse for the workload without the hook
            return String.format(Locale.ROOT, "%,d µs with the hook, 0 µs without (%s): no overhead factor",
                    overhead.hookedMicros(), overhead.baseKind());
        }
        return String.format(Locale.ROOT, "hook overhead %.1f× board time (%s)", factor, overhead.baseKind());
    }

    /** The status line once a profile is in. */
    public static String done(LuaProfiles.Entry entry) {
        LuaAllocationProfile profile = entry.profile();
        String where = profile.linesByBytes().isEmpty() ? "no Lua line allocated"
                : "most by " + profile.linesByBytes().get(0).where();
        return String.format(Locale.ROOT, "Lua profile #%d of %s: %,d bytes on %,d line%s, %s; %s%s", entry.number(),
                entry.workload(), profile.totalBytes(), profile.lines().size(), plural(profile.lines().size()), where,
                overhead(profile), profile.complete() ? " (Flame graph › Lua allocations)"
                        : "; INCOMPLETE: " + profile.problem());
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
