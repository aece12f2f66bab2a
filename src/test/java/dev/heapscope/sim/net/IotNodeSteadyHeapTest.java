package dev.heapscope.sim.net;

import dev.heapscope.sim.ScenarioHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realistic IoT node (simulator/examples/iot-node.lua: wifi, MQTT publishes of an I2C sensor every 10 s,
 * an HTTP status server, JSON) runs for 10 simulated minutes with a steady heap, doing its work. Its leak
 * verdicts are in cli.IotNodeHuntTest.
 */
@Timeout(180)
class IotNodeSteadyHeapTest {
    private static final Path SCRIPT = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator",
            "examples", "iot-node.lua");

    @Test
    void tenSimulatedMinutesKeepASteadyHeapAndDoTheirWork() throws Exception {
        String text = Files.readString(SCRIPT);
        assertThat(text.lines().count()).isBetween(140L, 170L);
        try (NetBoard board = new NetBoard(ScenarioHeader.read("iot-node.lua", text).world().asMap())) {
            board.simulated.console().loadScript("iot-node.lua", text);
            board.simulated.console().executeFile("iot-node.lua");
            board.run(22_500); // samples fall between the node's 5 s, 10 s and 60 s schedules
            List<Long> heapAfterEachMinute = new ArrayList<>();
            for (int minute = 1; minute <= 10; minute++) {
                board.run(60_000);
                board.type("collectgarbage() collectgarbage()");
                heapAfterEachMinute.add(Long.parseLong(board.eval("node.heap()")));
            }
            long first = heapAfterEachMinute.get(0);
            // the heap comes back to the same value every minute (a poll's own strings are the only difference)
            assertThat(heapAfterEachMinute).allSatisfy(free -> assertThat(Math.abs(free - first)).isLessThanOrEqualTo(64));
            // a reading every 10 s (each interval command restarts the period), each published
            assertThat(Long.parseLong(board.eval("app.published"))).as("MQTT publishes").isBetween(50L, 62L);
            assertThat(board.eval("app.readings")).isEqualTo(board.eval("app.published"));
            assertThat(Long.parseLong(board.eval("app.requests"))).as("HTTP status requests").isGreaterThanOrEqualTo(120);
            assertThat(Long.parseLong(board.eval("app.commands"))).as("commands from the broker").isGreaterThanOrEqualTo(10);
            assertThat(board.eval("app.last_celsius")).isEqualTo("23.5");
            assertThat(board.eval("app.failures")).isEqualTo("0");
        }
    }

}
