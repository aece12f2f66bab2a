package dev.heapscope.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reader of a Lua scenario's comment header, as the app, {@code heapscope run} and the tests use it. */
class ScenarioHeaderTest {

    @Test
    void everyKeyIsReadWithItsType() throws Exception {
        ScenarioHeader header = ScenarioHeader.read("all.lua", """
                -- Scenario: every key at once
                --
                -- Story: prose between the keys is ignored, even with = signs and the word expect in it.
                --
                -- expect.seconds = 30
                -- expect.warmup.seconds = 5
                -- expect.leak.function = Registry.lookup
                -- expect.leak.line = 27
                -- expect.min.leaked.bytes = 1000
                -- expect.max.leaked.bytes = 5000
                -- expect.held.by = _G.Registry.lookup ▸ upvalue 'cache'

                Registry = {}
                """);

        assertThat(header.title()).isEqualTo("every key at once");
        assertThat(header.virtualSeconds()).isEqualTo(30);
        assertThat(header.warmupSeconds()).isEqualTo(5);
        assertThat(header.leakFunction()).isEqualTo("Registry.lookup");
        assertThat(header.leakLine()).isEqualTo(27);
        assertThat(header.minLeakedBytes()).isEqualTo(1000);
        assertThat(header.maxLeakedBytes()).isEqualTo(5000);
        assertThat(header.heldBy()).isEqualTo("_G.Registry.lookup ▸ upvalue 'cache'");
        assertThat(ScenarioHeader.KEYS).hasSize(7);
        assertThat(ScenarioHeader.read("none.lua", "print(1)\n").warmupSeconds()).isNull();
    }

    @Test
    void missingKeysAreNullAndSecondsZero() throws Exception {
        ScenarioHeader header = ScenarioHeader.read("few.lua", "-- Scenario: few\n-- expect.max.leaked.bytes = 200\nx = 1\n");
        assertThat(header.title()).isEqualTo("few");
        assertThat(header.maxLeakedBytes()).isEqualTo(200);
        assertThat(header.virtualSeconds()).isZero();
        assertThat(header.minLeakedBytes()).isNull();
        assertThat(header.leakFunction()).isNull();
        assertThat(header.leakLine()).isNull();
        assertThat(header.heldBy()).isNull();
    }

    @Test
    void aScriptWithoutAHeaderStatesNothing() throws Exception {
        assertThat(ScenarioHeader.read("app.lua", "print('hi')\n-- a comment after code\n"))
                .isEqualTo(ScenarioHeader.NONE);
        assertThat(ScenarioHeader.read("empty.lua", "")).isEqualTo(ScenarioHeader.NONE);
        Scenario untitled = Scenario.parse("untitled.lua", "-- just a comment\nx = 1\n");
        assertThat(untitled.title()).as("the file name stands in for a missing title").isEqualTo("untitled.lua");
    }

    @Test
    void windowsLineEndingsAndIndentedCommentsAreHeaderLinesToo() throws Exception {
        ScenarioHeader header = ScenarioHeader.read("crlf.lua", "\r\n  -- Scenario: crlf\r\n\t--expect.seconds=5\r\nx = 1\r\n");
        assertThat(header.title()).isEqualTo("crlf");
        assertThat(header.virtualSeconds()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a number        | -- expect.seconds = soon                                   | bad.lua line 1: expect.seconds must be a whole number, not 'soon'
            negative            | -- expect.min.leaked.bytes = -1                            | bad.lua line 1: expect.min.leaked.bytes must be at least 0, not -1
            line zero           | -- expect.leak.function = f\\n-- expect.leak.line = 0       | bad.lua line 2: expect.leak.line must be at least 1 and at most 2147483647, not 0
            unknown key         | -- expect.leaked.bytes = 10                                | bad.lua line 1: unknown key expect.leaked.bytes; known: expect.seconds, expect.warmup.seconds, expect.leak.function
            no equals sign      | -- expect.seconds 30                                       | bad.lua line 1: 'expect.seconds 30' is not 'expect.KEY = VALUE'
            empty value         | -- expect.held.by =                                        | bad.lua line 1: 'expect.held.by =' is not 'expect.KEY = VALUE'
            given twice         | -- expect.seconds = 1\\n--\\n-- expect.seconds = 2           | bad.lua line 3: expect.seconds is given twice (first on line 1)
            below the code      | -- Scenario: x\\nprint(1)\\n-- expect.seconds = 9            | bad.lua line 3: 'expect.seconds = 9' is below the first line of code
            line without fn     | -- expect.leak.line = 3                                    | bad.lua line 1: expect.leak.line needs expect.leak.function
            held.by without line| -- expect.leak.function = f\\n-- expect.held.by = _G.x     | bad.lua line 2: expect.held.by needs expect.leak.function and expect.leak.line
            min above max       | -- expect.min.leaked.bytes = 9\\n-- expect.max.leaked.bytes = 1 | bad.lua line 2: expect.max.leaked.bytes (1) is below expect.min.leaked.bytes (9)
            empty title         | -- Scenario:                                               | bad.lua line 1: 'Scenario:' without a title
            """)
    void aMalformedHeaderIsAnErrorNamingTheFileTheLineAndTheProblem(String what, String header, String message) {
        String text = header.replace("\\n", "\n") + "\nx = 1\n";
        assertThatThrownBy(() -> ScenarioHeader.read("bad.lua", text))
                .isInstanceOf(ScenarioHeader.MalformedException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void everyShippedScenarioHasAReadableHeaderWithATitle() throws Exception {
        Path dir = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator", "scenarios");
        List<Path> scenarios;
        try (Stream<Path> files = Files.list(dir)) {
            scenarios = files.filter(p -> p.toString().endsWith(".lua")).toList();
        }
        assertThat(scenarios).isNotEmpty();
        for (Path file : scenarios) {
            Scenario scenario = Scenario.parse(file.getFileName().toString(), Files.readString(file));
            assertThat(scenario.header().title()).as("%s has a '-- Scenario:' title", file).isNotBlank();
        }
    }
}
