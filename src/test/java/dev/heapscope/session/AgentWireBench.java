package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark run by hand (tagged {@code slow-bench}, see docs/PERFORMANCE.md): the HeapScope agent on a heap of about 2,000 Lua objects (tables, strings, closures),
 * on the virtual board served as {@code heapscope sim --pty} serves it (real time, output paced to the
 * profile's 115200 baud) and read through a serial session: the bytes of its snapshot on the wire, the seconds
 * from its begin line to its end line, the whole run with the upload, and the agent's own memory as it reports
 * it. docs/PERFORMANCE.md, "The HeapScope agent".
 */
@Tag("slow-bench")
class AgentWireBench {
    @Test
    void wireBytesSecondsAndMemoryOnAHeapOf2000Objects() throws Exception {
        try (PacedPtyBoard paced = PacedPtyBoard.open()) {
            ProfilingSession session = paced.session();
            int baud = paced.baudRate();
            session.execute(AgentMemoryTest.HEAP_OF_2000).get(20, TimeUnit.SECONDS);
            AtomicLong wireBytes = new AtomicLong();
            AtomicLong beginNanos = new AtomicLong();
            AtomicLong endNanos = new AtomicLong();
            session.addListener(new SessionListener() {
                @Override
                public void consoleLine(String line, long hostMillis) {
                    int at = line.indexOf("~H");
                    if (at >= 0) {
                        wireBytes.addAndGet(line.length() - at + 2L); // the line and its CR LF
                        if (line.startsWith("~HB", at)) {
                            beginNanos.set(System.nanoTime());
                        } else if (line.startsWith("~HE", at) || line.startsWith("~HX", at)) {
                            endNanos.set(System.nanoTime());
                        }
                    }
                }
            });
            long start = System.nanoTime();
            AgentSnapshot snapshot = new AgentRun(AgentRun.shippedAgent()).take(session, 300_000L).get(330, TimeUnit.SECONDS);
            long done = System.nanoTime();
            int objects = snapshot.objects().size();
            System.out.printf("agent on %d objects (%s), %d baud%n", objects, snapshot.complete() ? "complete" : "INCOMPLETE", baud);
            System.out.printf("  snapshot on the wire: %d bytes, %.1f bytes an object, %.2f s at the UART's pace (%.2f s from begin to end line)%n",
                    wireBytes.get(), wireBytes.get() / (double) objects, wireBytes.get() * 10.0 / baud,
                    (endNanos.get() - beginNanos.get()) / 1e9);
            System.out.printf("  whole run with the upload: %.2f s; AgentRun's estimate before starting: %.2f s%n",
                    (done - start) / 1e9, new AgentRun(AgentRun.shippedAgent()).wireSeconds(baud, objects));
            System.out.printf("  agent's own memory: %d bytes (bound 16 KB + 16 B an object: %d)%n",
                    snapshot.agentBytes(), 16_384 + 16L * objects);
        }
    }
}
