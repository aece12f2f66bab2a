package dev.heapscope.ui;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Lua allocation profile is part of what the board printed: a log or session file that holds one shows it in the
 * Flame tab's Lua view when it is opened, as it was shown live.
 */
class SavedLuaProfilesUiTest extends WindowTestBase {
    // what the profiler printed for simulator/scenarios/request-handler-leak.lua on the virtual board
    private static final List<String> PROFILE = List.of(
            "~PB 1 8 0 1 8",
            "~PF 1 main_chunk request-handler-leak.lua:26",
            "~PF 2 handle_request request-handler-leak.lua:19",
            "~PL 666 25 request-handler-leak.lua:26",
            "~PL 2800 25 request-handler-leak.lua:19",
            "~PS 666 25 1",
            "~PS 2800 25 1,2");

    @Test
    void aLogWithAProfileOpensWithItsLuaFlameGraph() throws Exception {
        long sum = 0;
        for (String line : PROFILE.subList(1, PROFILE.size())) {
            for (char c : line.toCharArray()) {
                sum = (sum * 31 + c) % 65521; // the profiler's checksum (device-firmware/heapscope-profile.md)
            }
        }
        String end = "~PE 8 2 2 2 3466 " + sum + " 0 0 0 0 0 52 1024 3282 measured 800";
        Path log = data.resolve("profiled.log");
        Files.writeString(log, "> dofile('heapscope-profile.lua')\r\n" + String.join("\r\n", PROFILE) + "\r\n" + end
                + "\r\n> \r\n", StandardCharsets.UTF_8);

        window.files().openAny(log);
        waitUntil("opened", () -> status().startsWith("Opened the log profiled.log"));
        assertThat(status()).endsWith("; 1 Lua allocation profile (Flame graph › Lua allocations)");
        waitUntil("the profile listed", () -> window.flameTab().lua().profiles().shown() != null);
        var shown = onFx(() -> window.flameTab().lua().profiles().shown().profile());
        assertThat(shown.complete()).isTrue();
        assertThat(shown.stacks()).extracting(stack -> stack.bytes()).containsExactlyInAnyOrder(666L, 2800L);
        assertThat(onFx(() -> window.flameTab().lua().profiles().entries().size())).isEqualTo(1);
    }
}
