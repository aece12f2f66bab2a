package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code heapscope run}: the same script gives the same verdict every time, and heavy churn is not a leak. */
@Timeout(300)
class RunVerdictTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.heapscope.cli.ScenarioExpectationsTest#scenarios")
    void fiveRunsOfAScenarioGiveTheSameLeaksWithTheSameHolders(Path scenario) throws Exception {
        String seconds = String.valueOf(ScenarioExpectationsTest.header(scenario).virtualSeconds());
        List<JsonNode> leaks = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            CliRunner json = CliRunner.run("run", scenario.toString(), "--json", "--seconds", seconds);
            assertThat(json.exitCode()).as(json.err()).isZero();
            leaks.add(new ObjectMapper().readTree(json.out()).get("leaks"));
            texts.add(CliRunner.run("run", scenario.toString(), "--seconds", seconds).out());
            System.gc(); // the JVM's collector must not matter
        }
        assertThat(leaks).allSatisfy(run -> assertThat(run).isEqualTo(leaks.get(0)));
        assertThat(texts).allSatisfy(text -> assertThat(text).isEqualTo(texts.get(0)));
    }

    @Test
    void aFiftyThousandIterationLoopWithOccasionalCollectionsRunsToTheEndOnTheDefaultBoard(@TempDir Path dir)
            throws IOException {
        Path script = dir.resolve("churn.lua");
        Files.writeString(script, """
                local kept = 0
                for i = 1, 50000 do
                  local row = {i, i * 2, name = "row" .. i}
                  if i % 5000 == 0 then collectgarbage() kept = kept + 1 end
                end
                print("done", kept)
                """);
        for (int run = 0; run < 3; run++) {
            CliRunner result = CliRunner.run("run", script.toString(), "--board", "esp32-devkitc");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("| done\t10").contains("No leaks");
        }
    }
}
