package dev.heapscope.session;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.model.Record;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploading a script by typing at the console, as the hunt does for a file the board does not have yet. */
class ScriptUploadTest {
    private SimulatedBoard board;
    private ProfilingSession session;

    @BeforeEach
    void boot() throws Exception {
        board = SimulatedBoard.create(BoardProfile.defaults());
        session = new ProfilingSession(new SimulatorTransport(board, false), SessionOptions.DEFAULTS);
        session.connect().get(20, TimeUnit.SECONDS);
        session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void everyByteArrivesInFlashAndEveryLineFitsTheConsole() throws Exception {
        byte[] contents = new byte[3000];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = (byte) (i * 7 + i / 256); // every byte value, quotes, backslashes, NUL, CR, digits after NUL
        }
        ScriptUpload upload = new ScriptUpload("data.bin", contents);
        assertThat(upload.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(255));
        assertThat(upload.lines().size()).as("chunks are filled, not one byte per line").isLessThan(60);

        upload.sendTo(session).get(60, TimeUnit.SECONDS);

        assertThat(board.console().files().read("data.bin")).hasValue(contents);
    }

    @Test
    void aFileTheFlashAlreadyHoldsIsNotTypedAgainAndAChangedOneIs() throws Exception {
        byte[] tool = "print('tool v1')\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new ScriptUpload("tool.lua", tool).sendUnlessPresent(session).get(20, TimeUnit.SECONDS))
                .as("not in flash yet").isTrue();
        board.console().files().write("other.lua", new byte[] {1});
        assertThat(new ScriptUpload("tool.lua", tool).sendUnlessPresent(session).get(20, TimeUnit.SECONDS))
                .as("the same bytes are there").isFalse();
        byte[] changed = "print('tool v2')\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new ScriptUpload("tool.lua", changed).sendUnlessPresent(session).get(20, TimeUnit.SECONDS))
                .as("same size, other bytes").isTrue();
        assertThat(board.console().files().read("tool.lua")).hasValue(changed);
        assertThat(session.execute("=heapscope_check, heapscope_upload").get(20, TimeUnit.SECONDS).output())
                .as("the probe leaves no globals behind").containsExactly("nil\tnil");
    }

    @Test
    void aNameWithQuotesIsWrittenUnderThatName() throws Exception {
        new ScriptUpload("a\"b\\c.lua", "x = 1\n".getBytes(StandardCharsets.UTF_8)).sendTo(session).get(20, TimeUnit.SECONDS);
        assertThat(board.console().files().read("a\"b\\c.lua")).hasValue("x = 1\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBoardWithoutFilesRefusesAndTheUploadFailsWithItsError() throws Exception {
        session.execute("file = nil").get(20, TimeUnit.SECONDS); // as a build without the file module (and no io)
        assertThatThrownBy(() -> new ScriptUpload("x.lua", new byte[] {1}).sendTo(session).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("uploading x.lua failed")
                .hasMessageContaining("module 'file' is not available");
        assertThat(board.console().files().exists("x.lua")).isFalse();
    }

    @Test
    void aHuntUploadsItsScriptBeforeTheTraceAndFindsWhatTheScriptLeaks() throws Exception {
        String script = "leaky = leaky or {}\nfor i = 1, 20 do leaky[#leaky + 1] = string.rep('q', 64) .. i end\n";
        GuidedHunt.Result result = new GuidedHunt(session, 300, TraceMode.LEAKS)
                .run(HuntWorkload.uploadedScript("leaky.lua", script.getBytes(StandardCharsets.UTF_8)))
                .get(60, TimeUnit.SECONDS);

        assertThat(result.workloadError()).isNull();
        List<Record> leaked = DumpDiff.between(result.first(), result.last()).appeared();
        assertThat(leaked).as("the 20 strings and the table's growth").hasSizeGreaterThanOrEqualTo(20);
        assertThat(result.first().records()).as("the upload's own file buffers were not traced").isEmpty();
    }
}
