package dev.heapscope.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzing that runs in every build: a fixed count of seeded mutations per surface (the same inputs on every
 * machine), each under a watchdog. The long campaign ({@code -Pfuzz}, {@link FuzzCampaign}) runs the same
 * surfaces with a million inputs. A failing input is saved under {@code target/fuzz-findings/} with its command.
 */
class FuzzSuiteTest {
    private static final long SEED = 16;
    /** Inputs grow to 4 KiB, one in 20 to 256 KiB: enough for the shapes that grow out of proportion. */
    private static final InputSizes SIZES = new InputSizes(4 << 10, 256 << 10, 20);
    private static Path work;
    private static Findings findings;
    private static FuzzRun run;

    @BeforeAll
    static void prepare() throws Exception {
        work = Files.createTempDirectory("fuzz-suite");
        findings = new Findings(Path.of("target", "fuzz-findings"));
        // generous: a runaway script ends on its budget in seconds, but a build shares its cores; a hang never ends
        run = new FuzzRun(findings, 60_000);
    }

    @AfterAll
    static void clean() throws Exception {
        FuzzFiles.deleteTree(work);
    }

    private static void holds(String name, int count) throws Exception {
        try (Surface surface = Surfaces.create(name, SIZES, work)) {
            Tally tally = run.run(surface, count, SEED, null);
            System.out.println("fuzz " + tally);
            assertThat(tally.inputs).isEqualTo(count);
            assertThat(tally.failures()).as(String.join("\n", findings.summaries())).isZero();
        }
    }

    @Test
    void parserReadsMutatedLogsAliveWholeAndStreamed() throws Exception {
        holds("parse", 2_000);
    }

    @Test
    void sessionStoreAndAutosaveRecoveryHoldHostileFiles() throws Exception {
        holds("session-open", 300);
    }

    @Test
    void analyzeHoldsMutatedLogs() throws Exception {
        holds("analyze", 100);
    }

    @Test
    void reportHoldsMutatedLogs() throws Exception {
        holds("report", 60);
    }

    @Test
    void exportHoldsMutatedLogsInEveryFormat() throws Exception {
        holds("export", 140);
    }

    @Test
    void diffHoldsMutatedLogs() throws Exception {
        holds("diff", 60);
    }

    @Test
    void sessionReaderHoldsDamagedAndHostileSessionFiles() throws Exception {
        holds("session", 120);
    }

    @Test
    void sandboxHoldsHostileScripts() throws Exception {
        holds("sandbox", 30);
    }
}
