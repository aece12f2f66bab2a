package dev.heapscope.session;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark run by hand (tagged {@code slow-bench}): what one typed console line costs on the virtual board
 * served as {@code heapscope sim --pty} serves it (real time, output paced at 115200 baud), beyond its bytes on
 * the wire: the per-line latency {@link WireTime} adds. Short lines, full 255-character upload lines, the agent's
 * upload line by line, and the probe that finds it already in flash. docs/PERFORMANCE.md, "The agent's wire-time
 * estimate".
 */
@Tag("slow-bench")
class UploadRoundTripBench {
    private static final int ROUNDS = 30;

    @Test
    void perLineLatencyOfTheConsoleOnThePty() throws Exception {
        try (PacedPtyBoard paced = PacedPtyBoard.open()) {
            ProfilingSession session = paced.session();
            int baud = paced.baudRate();
            timeLines(session, baud, "short line 'x=1'", List.of("x=1"));
            timeLines(session, baud, "255-character line", List.of("y=\"" + "a".repeat(250) + "\""));
            ScriptUpload upload = new ScriptUpload(AgentRun.FILE_NAME, AgentRun.shippedAgent());
            long start = System.nanoTime();
            upload.sendTo(session).get(120, TimeUnit.SECONDS);
            report("agent upload (sendTo)", System.nanoTime() - start, upload.lines().size() + 2,
                    WireTime.typedBytes(upload.lines()) + WireTime.typedBytes(upload.checkLines()), baud);
            start = System.nanoTime();
            boolean uploaded = upload.sendUnlessPresent(session).get(60, TimeUnit.SECONDS);
            report("probe, file present (uploaded again: " + uploaded + ")", System.nanoTime() - start, 2,
                    WireTime.typedBytes(upload.probeLines()), baud);
            session.execute(AgentMemoryTest.HEAP_OF_2000).get(20, TimeUnit.SECONDS);
            timeSnapshot(session, baud);
        }
    }

    /** Where a snapshot's time goes once the agent is in flash: the probe and dofile, the walk, the end. */
    private static void timeSnapshot(ProfilingSession session, int baud) throws Exception {
        long[] at = new long[2];
        long[] bytes = new long[1];
        session.addListener(new SessionListener() {
            @Override
            public void consoleLine(String line, long hostMillis) {
                int mark = line.indexOf("~H");
                if (mark >= 0) {
                    bytes[0] += line.length() - mark + 2L;
                    at[line.startsWith("~HB", mark) ? 0 : 1] = System.nanoTime();
                }
            }
        });
        long start = System.nanoTime();
        var snapshot = new AgentRun(AgentRun.shippedAgent()).take(session, 120_000L).get(150, TimeUnit.SECONDS);
        long done = System.nanoTime();
        int objects = snapshot.objects().size();
        System.out.printf("snapshot of %d objects, agent in flash: %.2f s in all; to its begin line %.2f s; begin to end "
                        + "%.2f s (%,d bytes: %.2f s at the baud, so %.1f ms a yield of %d objects); end to done %.2f s%n",
                objects, (done - start) / 1e9, (at[0] - start) / 1e9, (at[1] - at[0]) / 1e9, bytes[0], bytes[0] * 10.0 / baud,
                ((at[1] - at[0]) / 1e9 - bytes[0] * 10.0 / baud) * 1000 / ((objects + 47) / 48), AgentRun.OBJECTS_PER_YIELD,
                (done - at[1]) / 1e9);
    }

    private static void timeLines(ProfilingSession session, int baud, String what, List<String> lines) throws Exception {
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            for (String line : lines) {
                session.execute(line).get(20, TimeUnit.SECONDS);
            }
            long took = System.nanoTime() - start;
            best = Math.min(best, took);
            total += took;
        }
        report(what + " (mean of " + ROUNDS + ")", total / ROUNDS, lines.size(), WireTime.typedBytes(lines), baud);
        System.out.printf("    best %.1f ms%n", best / 1e6);
    }

    private static void report(String what, long nanos, int lines, long typedBytes, int baud) {
        double wire = typedBytes * 10.0 / baud; // full duplex: the echo comes back while the line goes out
        double seconds = nanos / 1e9;
        System.out.printf("%s: %d lines, %,d typed bytes, %.3f s; on the wire (one way; the echo overlaps) %.3f s; beyond the bytes %.1f ms a line%n",
                what, lines, typedBytes, seconds, wire, (seconds - wire) * 1000 / lines);
    }
}
