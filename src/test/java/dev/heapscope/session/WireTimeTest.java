package dev.heapscope.session;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The wire-time model counted, not timed: typed lines and their round trips, printed bytes, the upload apart. */
class WireTimeTest {
    private static final double EXACT = 1e-9;
    private static final int BAUD = 115_200;
    private static final double WIRE_BYTE = 10.0 / BAUD;

    @Test
    void aTypedLineCostsItsRoundTripAndEachCharacterWithItsCrLf() {
        WireTime wire = new WireTime(BAUD, 0.020, 0.001);
        assertThat(WireTime.typedBytes(List.of("x=1", "print(1)"))).isEqualTo(5 + 10);
        assertThat(wire.typed(List.of("x=1", "print(1)"))).isCloseTo(2 * 0.020 + 15 * 0.001, within(EXACT));
        assertThat(wire.printed(11_520)).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void untimedACharacterCostsOneSerialByteTheEchoComingBackMeanwhileAndNothingIsFaster() {
        assertThat(WireTime.at(BAUD).secondsPerTypedByte()).isCloseTo(WIRE_BYTE, within(EXACT));
        assertThat(new WireTime(BAUD, -1, 0).secondsPerTypedByte()).isCloseTo(WIRE_BYTE, within(EXACT));
        assertThat(new WireTime(BAUD, -1, 0).lineSeconds()).isZero();
    }

    @Test
    void twoTimedLinesSplitIntoTheLinesRoundTripAndTheCharacters() {
        // 12 characters in 30 ms, 212 in 270 ms: 1.2 ms a character, and 30 - 14 * 1.2 = 13.2 ms the line
        WireTime wire = WireTime.fromTimings(BAUD, 12, 0.030, 212, 0.270);
        assertThat(wire.secondsPerTypedByte()).isCloseTo(0.0012, within(EXACT));
        assertThat(wire.lineSeconds()).isCloseTo(0.0132, within(EXACT));
        assertThat(wire.typed(List.of("-".repeat(12)))).isCloseTo(0.030, within(EXACT));
        // a long line answered faster than a short one (noise): the characters still cost the wire
        assertThat(WireTime.fromTimings(BAUD, 12, 0.050, 212, 0.040).secondsPerTypedByte())
                .isCloseTo(WIRE_BYTE, within(EXACT));
    }

    @Test
    void theAgentsEstimateCountsEveryTypedLineAndTheUploadApart() throws Exception {
        AgentRun run = new AgentRun(AgentRun.shippedAgent());
        ScriptUpload upload = new ScriptUpload(AgentRun.FILE_NAME, AgentRun.shippedAgent());
        // one second a line and characters at the wire's floor: the line counts show in whole seconds
        WireTime wire = new WireTime(BAUD, 1.0, 0);
        UploadedRunTime time = run.wireTime(wire, 2_010);

        int uploadLines = upload.lines().size() + 2; // the file's lines, then the read-back check's two
        assertThat(uploadLines).isGreaterThan(30);
        assertThat(time.uploadSeconds()).isCloseTo(uploadLines + WIRE_BYTE * WireTime.typedBytes(upload.uploadLines()),
                within(EXACT));
        long probeAndDofile = WireTime.typedBytes(upload.probeLines()) + WireTime.typedBytes(List.of(upload.dofile()));
        long yields = 42; // 2,010 objects, 48 a batch
        assertThat(time.runSeconds()).isCloseTo(3 + WIRE_BYTE * probeAndDofile + 2_010 * 28 * WIRE_BYTE
                + yields * AgentRun.SECONDS_PER_YIELD, within(EXACT));
        assertThat(time.total(false)).isEqualTo(time.runSeconds());
        assertThat(time.total(true)).isCloseTo(time.runSeconds() + time.uploadSeconds(), within(EXACT));
        assertThat(run.wireSeconds(BAUD, 2_010)).as("the app's figure: untimed, the upload included")
                .isCloseTo(run.wireTime(WireTime.at(BAUD), 2_010).total(true), within(EXACT));
    }

    @Test
    void theProfilesEstimateTypesTheWorkloadOnlyWhenItIsAFileOrTooLongForTheCommand() throws Exception {
        ProfileRun run = new ProfileRun(ProfileRun.shippedProfiler());
        WireTime wire = new WireTime(1_000_000_000, 1.0, 0); // the characters cost next to nothing: lines count
        ProfileRun.Settings settings = ProfileRun.Settings.DEFAULT;
        int profilerUpload = new ScriptUpload(ProfileRun.FILE_NAME, ProfileRun.shippedProfiler()).uploadLines().size();

        UploadedRunTime chunk = run.wireTime(wire, ProfileRun.Workload.chunk("handler('/x')"), settings);
        assertThat(chunk.runSeconds()).as("probe (2) and the command").isCloseTo(3, within(0.01));
        assertThat(chunk.uploadSeconds()).isCloseTo(profilerUpload, within(0.01));

        assertThat(run.wireTime(wire, ProfileRun.Workload.boardFile("app.lua"), settings).runSeconds()).isCloseTo(3, within(0.01));

        byte[] app = "local t = {}\nfor i = 1, 10 do t[i] = i end\n".getBytes(StandardCharsets.UTF_8);
        int appUpload = new ScriptUpload("app.lua", app).uploadLines().size();
        assertThat(run.wireTime(wire, ProfileRun.Workload.upload("app.lua", app), settings).runSeconds())
                .isCloseTo(3 + appUpload, within(0.01));

        String longChunk = "x = " + "1 + ".repeat(80) + "1";
        int chunkUpload = new ScriptUpload(ProfileRun.WORKLOAD_FILE, longChunk.getBytes(StandardCharsets.UTF_8)).uploadLines().size();
        assertThat(run.wireTime(wire, ProfileRun.Workload.chunk(longChunk), settings).runSeconds())
                .isCloseTo(3 + chunkUpload, within(0.01));
    }
}
