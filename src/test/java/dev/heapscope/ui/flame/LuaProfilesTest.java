package dev.heapscope.ui.flame;

import dev.heapscope.model.LuaAllocationProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session's profiles: the newest shown, an earlier one chosen, a bounded list, a new session's empty one. */
class LuaProfilesTest {
    static LuaAllocationProfile profile(long id, long bytes, boolean complete) {
        LuaAllocationProfile.Frame main = new LuaAllocationProfile.Frame("main chunk", "app.lua", 3);
        return new LuaAllocationProfile(id, 0, true, List.of(new LuaAllocationProfile.Line("app.lua", 3, bytes, 2)),
                List.of(new LuaAllocationProfile.Stack(List.of(main), bytes, 2)),
                new LuaAllocationProfile.Overhead(4_600, 1_000, "estimated"), LuaAllocationProfile.Dropped.NONE, 40, 900,
                complete, complete ? null : "the board reset while the profile ran; the lines before it are kept");
    }

    @Test
    void theNewestIsShownAndAnEarlierOneCanBeChosen() {
        LuaProfiles profiles = new LuaProfiles();
        assertThat(profiles.shown()).isNull();
        LuaProfiles.Entry first = profiles.add("app.lua", profile(1, 100, true));
        LuaProfiles.Entry second = profiles.add("'f()'", profile(2, 200, false));
        assertThat(profiles.entries()).containsExactly(first, second);
        assertThat(profiles.shown()).isSameAs(second);
        assertThat(second.number()).isEqualTo(2);
        profiles.show(first);
        assertThat(profiles.shownProperty().get()).isSameAs(first);
        assertThat(first.toString()).isEqualTo("#1 app.lua · 100 B");
        assertThat(second.toString()).isEqualTo("#2 'f()' · 200 B (INCOMPLETE)");
    }

    @Test
    void aProfileFromElsewhereIsNamedByItsIdAndOneNotListedIsNotShown() {
        LuaProfiles profiles = new LuaProfiles();
        LuaProfiles.Entry saved = profiles.add(profile(512_034, 64, true));
        assertThat(saved.workload()).isEqualTo("profile 512034");
        assertThat(new LuaProfiles().add(profile(-1, 1, false)).workload()).isEqualTo("profile");
        profiles.show(new LuaProfiles.Entry(9, "other session", profile(3, 1, true)));
        assertThat(profiles.shown()).isSameAs(saved);
    }

    @Test
    void theListKeepsTheNewestAndANewSessionStartsEmpty() {
        LuaProfiles profiles = new LuaProfiles();
        for (int i = 0; i < LuaProfiles.MAX_KEPT + 5; i++) {
            profiles.add("run " + i, profile(i, i + 1, true));
        }
        assertThat(profiles.entries()).hasSize(LuaProfiles.MAX_KEPT);
        assertThat(profiles.entries().get(0).number()).isEqualTo(6);
        assertThat(profiles.shown().number()).isEqualTo(LuaProfiles.MAX_KEPT + 5);
        profiles.clear();
        assertThat(profiles.entries()).isEmpty();
        assertThat(profiles.shown()).isNull();
        assertThat(profiles.add("again", profile(1, 1, true)).number()).isEqualTo(1);
    }
}
