package dev.heapscope.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioTest {
    @Test
    void theCatalogListsTheShippedScenariosWithTitlesAndVirtualSeconds() {
        List<Scenario> scenarios = ScenarioCatalog.load();

        assertThat(scenarios).extracting(Scenario::name).contains("request-handler-leak.lua", "timer-captures-state.lua");
        Scenario timer = ScenarioCatalog.named("timer-captures-state");
        assertThat(timer.virtualSeconds()).isEqualTo(30);
        assertThat(timer.title()).startsWith("a timer callback");
        assertThat(ScenarioCatalog.named("request-handler-leak.lua").virtualSeconds()).isZero();
        assertThat(ScenarioCatalog.named("no-such-scenario")).isNull();
    }

    @Test
    void aBadSecondsValueInTheHeaderCountsAsNone() {
        Scenario scenario = Scenario.parse("x.lua", "-- Scenario: x\n-- expect.seconds = soon\nprint(1)\n-- expect.seconds = 9\n");
        assertThat(scenario.virtualSeconds()).isZero();
        assertThat(scenario.title()).isEqualTo("x");
    }

    @Test
    void launchOptionsReadTheHuntFlagsAndNormaliseTheScenarioName() {
        LaunchOptions options = LaunchOptions.parse(List.of("--hunt", "--scenario", "cache-never-evicts", "--dark"));
        assertThat(options.hunt()).isTrue();
        assertThat(options.dark()).isTrue();
        assertThat(options.scenario()).isEqualTo("cache-never-evicts.lua");
        assertThat(LaunchOptions.parse(List.of()).scenario()).isEqualTo(LaunchOptions.DEFAULT_SCENARIO);
    }
}
