package dev.heapscope.sim;

import dev.heapscope.sim.lib.BoardEvents;
import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.sim.lib.WorldSettings;
import dev.heapscope.sim.net.VirtualNetwork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldSettingsTest {

    @Test
    void headerWorldLinesAreKeptInOrderWithoutThePrefix() throws Exception {
        ScenarioHeader header = ScenarioHeader.read("web.lua", """
                -- Scenario: web server
                -- world.net.clients.every = 2s
                -- world.wifi.ap = HeapScopeNet
                -- expect.seconds = 10
                print(1)
                -- world.ignored = below the header
                """);
        assertThat(header.world().asMap()).containsExactly(
                java.util.Map.entry("net.clients.every", "2s"), java.util.Map.entry("wifi.ap", "HeapScopeNet"));
        assertThat(header.virtualSeconds()).isEqualTo(10);
    }

    @Test
    void aWorldKeyGivenTwiceOrWithoutValueIsAnError() {
        assertThatThrownBy(() -> ScenarioHeader.read("a.lua", "-- world.x = 1\n-- world.x = 2\n"))
                .hasMessage("a.lua line 2: world.x is given twice");
        assertThatThrownBy(() -> ScenarioHeader.read("b.lua", "-- world.x =\n"))
                .hasMessage("b.lua line 1: 'world.x =' is not 'world.KEY = VALUE'");
        assertThat(ScenarioHeader.worldOf("-- world.x =\n")).isSameAs(WorldSettings.NONE);
    }

    @Test
    void eventsRunInTimeOrderThenScheduleOrder() {
        VirtualClock clock = new VirtualClock(240);
        BoardEvents events = new BoardEvents(clock);
        List<String> ran = new ArrayList<>();
        events.after(2_000, () -> ran.add("late"));
        events.after(1_000, () -> ran.add("first"));
        events.after(1_000, () -> ran.add("second"));
        clock.advanceMicros(1_500);
        events.runDue();
        assertThat(ran).containsExactly("first", "second");
        assertThat(events.nextDueMicros()).isEqualTo(2_000);
    }

    @Test
    void aWorldChangeCancelsThePeersOldScheduleAndArmsTheNewOne() {
        VirtualClock clock = new VirtualClock(240);
        BoardEvents events = new BoardEvents(clock);
        VirtualNetwork network = new VirtualNetwork();
        List<String> ran = new ArrayList<>();
        network.onBoot((schedule, world) -> schedule.after(1_000, () -> ran.add(world.get("tag", "none"))));
        network.boot(events, WorldSettings.NONE);
        network.setStationAddress("192.168.4.2");
        network.changeWorld(new WorldSettings(java.util.Map.of("tag", "scenario")));
        events.after(1_000, () -> ran.add("board's own event"));
        clock.advanceMicros(1_000);
        events.runDue();
        assertThat(ran).containsExactly("scenario", "board's own event");
        assertThat(network.stationAddress()).contains("192.168.4.2");
        network.boot(events, WorldSettings.NONE);
        assertThat(network.stationAddress()).isEmpty();
    }
}
