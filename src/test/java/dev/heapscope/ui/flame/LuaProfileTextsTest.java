package dev.heapscope.ui.flame;

import dev.heapscope.model.LuaAllocationProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of the Lua flame graph's title and the status line. */
class LuaProfileTextsTest {
    private static LuaAllocationProfile with(LuaAllocationProfile.Overhead overhead, LuaAllocationProfile.Dropped dropped,
                                             boolean complete, String problem) {
        LuaAllocationProfile.Frame main = new LuaAllocationProfile.Frame("main chunk", "app.lua", 9);
        LuaAllocationProfile.Frame handler = new LuaAllocationProfile.Frame("handle", "app.lua", 4);
        return new LuaAllocationProfile(7, 0, true,
                List.of(new LuaAllocationProfile.Line("app.lua", 9, 1_000, 3), new LuaAllocationProfile.Line("app.lua", 4, 2_500, 5)),
                List.of(new LuaAllocationProfile.Stack(List.of(main), 1_000, 3),
                        new LuaAllocationProfile.Stack(List.of(main, handler), 2_500, 5)),
                overhead, dropped, 1_234, 5_000, complete, problem);
    }

    private static LuaProfiles.Entry entry(LuaAllocationProfile profile) {
        return new LuaProfiles.Entry(3, "app.lua", profile);
    }

    @Test
    void theSummarySaysTotalsHookCallsOverheadAndWhatWasLeftOut() {
        LuaAllocationProfile profile = with(new LuaAllocationProfile.Overhead(46_000, 10_000, "estimated"),
                new LuaAllocationProfile.Dropped(2, 1, 300), true, null);
        assertThat(LuaProfileTexts.summary(entry(profile))).isEqualTo("Lua allocations #3 of app.lua: 3,500 bytes on "
                + "2 lines, 2 stacks · 1,234 hook calls · hook overhead 4.6× board time (estimated) · 2 lines and 1 stack "
                + "(300 bytes) did not fit the board's tables · the profiler's own 5,000 bytes left out");
        assertThat(LuaProfileTexts.done(entry(profile))).isEqualTo("Lua profile #3 of app.lua: 3,500 bytes on 2 lines, "
                + "most by app.lua:4; hook overhead 4.6× board time (estimated) (Flame graph › Lua allocations)");
    }

    @Test
    void anOverheadNotKnownIsSaidAsSuch() {
        assertThat(LuaProfileTexts.overhead(with(new LuaAllocationProfile.Overhead(3_508, 800, "measured"),
                LuaAllocationProfile.Dropped.NONE, true, null))).isEqualTo("hook overhead 4.4× board time (measured)");
        assertThat(LuaProfileTexts.overhead(with(new LuaAllocationProfile.Overhead(3_508, -1, "none"),
                LuaAllocationProfile.Dropped.NONE, true, null))).isEqualTo("3,508 µs with the hook, overhead not measured");
        assertThat(LuaProfileTexts.overhead(with(new LuaAllocationProfile.Overhead(3_508, 0, "estimated"),
                LuaAllocationProfile.Dropped.NONE, true, null)))
                .isEqualTo("3,508 µs with the hook, 0 µs without (estimated): no overhead factor");
        assertThat(LuaProfileTexts.overhead(with(null, LuaAllocationProfile.Dropped.NONE, false, "cut")))
                .isEqualTo("hook overhead not known (the end line did not arrive)");
    }

    @Test
    void anIncompleteProfileSaysWhyAndNoProfileSaysHowToGetOne() {
        LuaAllocationProfile cut = with(null, LuaAllocationProfile.Dropped.NONE, false,
                "the board reset while the profile ran; the lines before it are kept");
        assertThat(LuaProfileTexts.summary(entry(cut))).endsWith(" · INCOMPLETE: the board reset while the profile ran; "
                + "the lines before it are kept");
        assertThat(LuaProfileTexts.done(entry(cut))).endsWith("; INCOMPLETE: the board reset while the profile ran; "
                + "the lines before it are kept");
        assertThat(LuaProfileTexts.summary(null)).startsWith("No Lua allocation profile yet: Profile Lua allocations… "
                + "(Ctrl+Shift+A)");
    }
}
