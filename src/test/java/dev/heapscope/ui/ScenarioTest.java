package dev.heapscope.ui;

import dev.heapscope.sim.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioTest {
    @Test
    void theCatalogListsTheShippedScenariosWithTitlesAndVirtualSeconds() throws java.io.IOException {
        List<Scenario> scenarios = ScenarioCatalog.load();

        assertThat(scenarios).extracting(Scenario::name).contains("request-handler-leak.lua", "timer-captures-state.lua");
        try (var shipped = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("heapscope.project.dir", "."),
                "simulator", "scenarios"))) {
            assertThat(scenarios).as("no shipped scenario left out for its header")
                    .hasSize((int) shipped.filter(p -> p.toString().endsWith(".lua")).count());
        }
        Scenario timer = ScenarioCatalog.named("timer-captures-state");
        assertThat(timer.virtualSeconds()).isEqualTo(30);
        assertThat(timer.title()).startsWith("a timer callback");
        assertThat(ScenarioCatalog.named("request-handler-leak.lua").virtualSeconds()).isZero();
        assertThat(ScenarioCatalog.named("no-such-scenario")).isNull();
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
