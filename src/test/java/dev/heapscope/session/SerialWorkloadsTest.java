package dev.heapscope.session;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.FlashProject;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.pty.PseudoTerminals;
import dev.heapscope.transport.serial.SerialTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guided hunt over a real pseudo-terminal with each workload kind, against a virtual board whose flash
 * holds a project (init.lua defines a handler that keeps every session it sees).
 */
class SerialWorkloadsTest {
    @TempDir
    Path dir;
    private BoardOnPty board;
    private ProfilingSession session;

    @BeforeEach
    void serveABoardWithAProject() throws Exception {
        PseudoTerminals.assumeAvailable();
        Files.writeString(dir.resolve("init.lua"), "sessions = {}\nfunction handle(n)\n  for i = 1, n do\n"
                + "    sessions[#sessions + 1] = {id = i}\n  end\nend\n");
        Files.writeString(dir.resolve("app.lua"), "handle(3)\n");
        SimulatedBoard simulated = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true));
        FlashProject.read(dir).writeInto(simulated.console().files(), null);
        Path link = dir.resolve("esp32");
        board = BoardOnPty.serve(simulated, link, false);
        session = new ProfilingSession(new SerialTransport(link.toString()),
                SessionOptions.DEFAULTS.withCommandTimeoutMillis(10_000));
        session.connect().get(20, TimeUnit.SECONDS);
        session.awaitPrompt(15_000).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void unplug() {
        if (session != null) {
            session.close();
        }
        if (board != null) {
            board.close();
        }
    }

    private DumpDiff hunt(HuntWorkload workload) throws Exception {
        GuidedHunt.Result result = new GuidedHunt(session, 100, TraceMode.LEAKS).run(workload).get(60, TimeUnit.SECONDS);
        assertThat(result.workloadError()).isNull();
        return DumpDiff.between(result.first(), result.last());
    }

    @Test
    void aLuaLineFindsTheHandlersSessions() throws Exception {
        assertThat(hunt(HuntWorkload.lua("handle(4)")).appeared()).as("four session tables").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aFileOnTheBoardRunsWithDofile() throws Exception {
        DumpDiff diff = hunt(HuntWorkload.dofile("app.lua"));
        assertThat(diff.appeared()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(diff.byteDelta()).isPositive();
    }

    @Test
    void anUploadedFileIsCheckedThenRun() throws Exception {
        byte[] script = ("-- " + "long comment ".repeat(40) + "\nhandle(5)\n").getBytes(StandardCharsets.UTF_8);
        assertThat(hunt(HuntWorkload.uploadedScript("check.lua", script)).appeared()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void anUploadThatDoesNotCheckOutStopsTheHunt() throws Exception {
        // a board whose file writes are lost: the file stays empty
        session.execute("getmetatable(file.open('scratch', 'w')).__index.write = function() return true end")
                .get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> new GuidedHunt(session, 100, TraceMode.LEAKS)
                .run(HuntWorkload.uploadedScript("lost.lua", "handle(1)\n".getBytes(StandardCharsets.UTF_8)))
                .get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("the upload of lost.lua did not check out: 10 bytes were sent, "
                        + "the board's flash holds 0 bytes");
    }

    @Test
    void usingTheDeviceNowWaitsUntilTheUserIsDone() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<GuidedHunt.Result> hunting = new GuidedHunt(session, 100, TraceMode.LEAKS)
                .run(HuntWorkload.userAction("use the device now", () -> {
                    // what the user does meanwhile: two requests reach the handler
                    session.execute("handle(2)").thenRun(() -> done.complete(null));
                    return done;
                }));
        GuidedHunt.Result result = hunting.get(60, TimeUnit.SECONDS);
        assertThat(DumpDiff.between(result.first(), result.last()).appeared()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void luaPollsWaitWhileAHuntRunsSoTheirGarbageIsNeverInItsDumps() throws Exception {
        java.util.List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        session.addListener(new SessionListener() {
            @Override
            public void consoleLine(String line, long hostMillis) {
                lines.add(line);
            }

            @Override
            public void heapPollLine(String line, long hostMillis) {
                lines.add("POLL " + line);
            }
        });
        session.pollHeapEvery(10);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("POLL ")));

        DumpDiff quiet = hunt(HuntWorkload.waitMillis(400));

        org.awaitility.Awaitility.await().alias("polls resume after the hunt").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> lastIndexOf(lines, "POLL ") > lastIndexOf(lines, "Heap Trace Summary"));
        java.util.List<String> seen = java.util.List.copyOf(lines);
        int init = firstIndexOf(seen, "heaptrace.init(");
        int lastDump = lastIndexOf(seen, "Heap Trace Summary");
        assertThat(init).isPositive().isLessThan(lastDump);
        assertThat(seen.subList(init, lastDump)).as("no poll between the hunt's init and its last dump")
                .noneMatch(l -> l.startsWith("POLL "));
        assertThat(quiet.appeared()).as("a quiet board leaks nothing, polls or not").isEmpty();
    }

    private static int firstIndexOf(java.util.List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(java.util.List<String> lines, String part) {
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(part)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
