package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report} streams its log, so its dumps keep no records: the timeline's point per pixel must still be each
 * run's largest dump, taken from the streamed tallies (BoundedOutputsTest checks the same over a whole parsed log).
 */
class StreamedReportTimelineTest {

    @Test
    void eachPointOfThousandsOfStreamedDumpsIsTheLargestOfItsRun(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < 5000; d++) {
            text.append("1 allocations trace (100 entry buffer)\n")
                    .append(8 + d % 50).append(" bytes (@ 0x3ffb0000) allocated CPU 0 ccount 0x00000001 caller 0x400d0000:\n")
                    .append(8 + d % 50).append(" bytes 'leaked' in trace (1 allocations)\n")
                    .append("total allocations 1 total frees 0\n");
        }
        Path log = Files.writeString(dir.resolve("many.log"), text);
        Path html = dir.resolve("many.html");
        CliRunner result = CliRunner.run("report", log.toString(), "-o", html.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        String report = Files.readString(html);
        assertThat(report).contains(" 57 live bytes, 1 record(s)").doesNotContain(": 8 live bytes, 1 record(s)");
    }
}
