package dev.heapscope.session;

import dev.heapscope.model.BoardEvent.Kind;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A session on the virtual board keeps the board's events as it goes, as its transcript would give them later. */
@Timeout(60)
class LiveEventsTest {

    @Test
    void aBootAnErrorAndACrashWithItsRebootAreInTheSnapshotAtTheirTranscriptLines() throws Exception {
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults());
        try (ProfilingSession session = new ProfilingSession(new SimulatorTransport(board, false),
                SessionOptions.DEFAULTS)) {
            session.connect().get(20, TimeUnit.SECONDS);
            session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);
            session.execute("nosuchmodule.call()").get(20, TimeUnit.SECONDS);
            session.init(10).get(20, TimeUnit.SECONDS);
            // resume() before any start() crashes the board at its next allocation, as IDF 5.1 does
            session.execute("heaptrace.resume()").get(20, TimeUnit.SECONDS);
            session.execute("t = {}").exceptionally(error -> null).get(20, TimeUnit.SECONDS);
            session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);

            SessionSnapshot live = session.snapshot().get(20, TimeUnit.SECONDS);
            byte[] transcript = session.transcript().get(20, TimeUnit.SECONDS);
            ParsedLog parsed = new LogParser().parse(new String(transcript, StandardCharsets.ISO_8859_1));

            assertThat(live.events()).isEqualTo(parsed.events());
            assertThat(live.events()).extracting(LineEvent::kind).containsSubsequence(Kind.RESET, Kind.ELF_SHA256,
                    Kind.BANNER, Kind.LUA_ERROR, Kind.CRASH, Kind.BACKTRACE, Kind.REBOOTING, Kind.RESET, Kind.BANNER);
            String[] lines = new String(transcript, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
            LineEvent crash = live.events().stream().filter(e -> e.kind() == Kind.CRASH).findFirst().orElseThrow();
            assertThat(lines[(int) crash.lineNumber() - 1]).contains("Guru Meditation Error", "LoadProhibited");
        }
    }
}
