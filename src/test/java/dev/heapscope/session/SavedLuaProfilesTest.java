package dev.heapscope.session;

import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SavedSession#luaProfiles()}: the allocation profiles a transcript holds, read again as live, bounded. */
class SavedLuaProfilesTest {
    // what the profiler printed for simulator/scenarios/request-handler-leak.lua on the virtual board, without its end
    private static final String PROFILE_LINES = String.join("\r\n",
            "~PB 1 8 0 1 8",
            "~PF 1 main_chunk request-handler-leak.lua:16",
            "~PL 32 1 request-handler-leak.lua:16",
            "~PL 666 25 request-handler-leak.lua:26") + "\r\n";

    @TempDir
    Path dir;

    private static SavedSession ofTranscript(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        SessionSnapshot onlyText = new SessionSnapshot(ConnectionState.DISCONNECTED, TraceState.UNKNOWN, null, "test",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), bytes.length);
        return SavedSession.of(onlyText, bytes, null, null);
    }

    @Test
    void aProfileTakenLiveIsReadBackFromTheSavedTranscriptEqualToWhatTheLiveSessionRead() throws Exception {
        LuaAllocationProfile live;
        SavedSession saved;
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(), BoardOptions.defaults().withRealTime(true),
                Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            live = new ProfileRun(ProfileRun.shippedProfiler()).run(opened.session(),
                    ProfileRun.Workload.chunk("keep = {} for i = 1, 20 do keep[i] = {i, tostring(i)} end"),
                    ProfileRun.Settings.DEFAULT, 60_000L).get(90, TimeUnit.SECONDS);
            saved = SavedSession.of(opened.session().snapshot().get(10, TimeUnit.SECONDS),
                    opened.session().transcript().get(10, TimeUnit.SECONDS), "esp32-devkitc", null);
        }
        assertThat(live.complete()).as(String.valueOf(live.problem())).isTrue();
        assertThat(live.lines()).isNotEmpty();
        assertThat(saved.luaProfiles()).containsExactly(live);
        Path file = dir.resolve("profiled.heapscope");
        SessionStore.save(saved, file);
        assertThat(SessionStore.open(file).luaProfiles()).as("in a file opened again").containsExactly(live);
    }

    @Test
    void aProfileCutByAResetIsKeptIncompleteWithWhatArrived() {
        SavedSession saved = ofTranscript(PROFILE_LINES
                + "ets Jun  8 2016 00:22:57\r\n\r\nrst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"
                + "~PB 2 8 0 1 8\r\n~PL 8 1 other.lua:3\r\n");
        List<LuaAllocationProfile> profiles = saved.luaProfiles();
        assertThat(profiles).hasSize(2);
        assertThat(profiles.get(0).complete()).isFalse();
        assertThat(profiles.get(0).problem()).contains("reset");
        assertThat(profiles.get(0).lines()).extracting(LuaAllocationProfile.Line::where)
                .containsExactly("request-handler-leak.lua:16", "request-handler-leak.lua:26");
        assertThat(profiles.get(1).complete()).as("the output stopped before its end line").isFalse();
        assertThat(profiles.get(1).lines()).extracting(LuaAllocationProfile.Line::where).containsExactly("other.lua:3");
    }

    @Test
    void aTranscriptOfNothingButBeginLinesKeepsABoundedNumberOfProfiles() {
        String begins = "> ~PB 1 8 0 1 8\n".repeat(200_000);
        List<LuaAllocationProfile> profiles = ofTranscript(begins).luaProfiles();
        assertThat(profiles).hasSize(TranscriptProfiles.MAX_PROFILES).allMatch(p -> !p.complete());
    }

    @Test
    void aTranscriptWithoutProfilerLinesHasNoProfiles() {
        assertThat(ofTranscript("> print(1)\r\n1\r\n> ~Hx not a profile\r\n").luaProfiles()).isEmpty();
    }
}
