package dev.heapscope.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports made from a streamed log (no records held) give what the same export of the log parsed whole gives:
 * {@code --dump N} of the last complete dump still takes the whole-log path, so the two are compared.
 */
class StreamedExportTest {

    @ParameterizedTest
    @CsvSource({
            "shared/nodemcu-session-idf51.log, 2",
            "shared/dialect-a-idf44-leaks.log, 1",
            "shared/dialect-b-all-psram-overflow.log, 1",
            "shared/dialect-c-idf55-freed.log, 1",
            "shared/04-espressif-docs-v55-trace-all-freed-by.txt, 1",
            "shared/incomplete-dump-panic-reboot.log, 1",
            "hostile-names.log, 2"})
    void flameFormatsAndTheLeakTableAreTheLastCompleteDumps(String log, String lastComplete) {
        String file = CliRunner.log(log);
        for (String format : new String[] {"folded", "svg", "leaks-csv"}) {
            for (String weight : new String[] {"--count", "--scale=1"}) {
                CliRunner streamed = CliRunner.run("export", file, "-f", format, weight);
                CliRunner whole = CliRunner.run("export", file, "-f", format, weight, "--dump", lastComplete);
                assertThat(streamed.exitCode()).as(format).isEqualTo(whole.exitCode()).isZero();
                assertThat(streamed.out()).as(log + " " + format + " " + weight).isEqualTo(whole.out()).isNotEmpty();
                assertThat(streamed.err()).isEqualTo(whole.err());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"shared/dialect-c-idf55-freed.log", "shared/dialect-a-idf44-leaks.log", "shared/dialect-b-all-psram-overflow.log"})
    void theRecordsCsvAndJsonOfAOneDumpLogAreItsDumps(String log) {
        String file = CliRunner.log(log);
        CliRunner streamed = CliRunner.run("export", file, "-f", "csv");
        CliRunner whole = CliRunner.run("export", file, "-f", "csv", "--dump", "1");
        assertThat(streamed.exitCode()).isZero();
        assertThat(streamed.out()).isEqualTo(whole.out()).contains("\r\n1,0,");
        CliRunner streamedJson = CliRunner.run("export", file, "-f", "json");
        CliRunner wholeJson = CliRunner.run("export", file, "-f", "json", "--dump", "1");
        assertThat(streamedJson.exitCode()).isZero();
        assertThat(streamedJson.out()).isEqualTo(wholeJson.out()).startsWith("{\"dumps\":[{");
    }
}
