package dev.heapscope.session;

import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A verb the toolbar refuses, typed at the console, goes to the board, which crashes as a real one does;
 * the session says why.
 */
@Timeout(60)
class TypedHazardTest {

    @Test
    void resumeBeforeStartTypedAtTheConsoleCrashesTheVirtualBoardAndTheSessionSaysWhy() throws Exception {
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults());
        List<String> notices = new CopyOnWriteArrayList<>();
        try (ProfilingSession session = new ProfilingSession(new SimulatorTransport(board, false),
                SessionOptions.DEFAULTS)) {
            session.addListener(new SessionListener() {
                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            });
            session.connect().get(20, TimeUnit.SECONDS);
            session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);
            session.init(10).get(20, TimeUnit.SECONDS);
            assertThatThrownBy(() -> session.resume().get(20, TimeUnit.SECONDS))
                    .hasMessageContaining("before any start() crashes");

            session.execute("heaptrace.resume()").get(20, TimeUnit.SECONDS);
            session.execute("t = {}").exceptionally(error -> null).get(20, TimeUnit.SECONDS);
            session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);

            assertThat(notices).anySatisfy(notice -> assertThat(notice)
                    .startsWith("The board crashed (LoadProhibited): resume() after init() but before any start()")
                    .contains("every heaptrace state is gone"));
        }
    }
}
