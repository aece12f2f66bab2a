package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark run by hand (tagged {@code slow-bench}, docs/PERFORMANCE.md "The HeapScope agent"): the agent's own
 * memory and its bytes on the wire for every heap shape of {@link AgentMemoryShapesTest}, with the heap of
 * {@link AgentMemoryTest} and the string-rich heap that was over the bound first. {@code -Dagent=FILE} runs
 * another agent (an older one, for the figures before), {@code -Dstrings=N} gives the shipped one another
 * exact string set. Memory is the board's own count and the wire is counted in bytes, so the figures do not
 * depend on the machine's load.
 */
@Tag("slow-bench")
class AgentMemoryShapesBench {
    private static final String STRING_RICH_1472 = "cache = {} for i = 1, 500 do cache[i] = {n = i, s = 'item' .. i} end "
            + "fns = {} for i = 1, 200 do local u = {i} fns[i] = function() return u end end";

    private static byte[] agent() throws Exception {
        String file = System.getProperty("agent", "");
        String text = file.isEmpty() ? new String(AgentRun.shippedAgent(), StandardCharsets.ISO_8859_1)
                : Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
        String strings = System.getProperty("strings", "");
        if (!strings.isEmpty()) {
            text = text.replaceFirst("local STRINGMAX = [0-9]+", "local STRINGMAX = " + strings);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void memoryAndWireOfEveryShape() throws Exception {
        List<String[]> heaps = new ArrayList<>();
        heaps.add(new String[] {"AgentMemoryTest's heap", AgentMemoryTest.HEAP_OF_2000});
        heaps.add(new String[] {"string-rich, 1,472 objects", STRING_RICH_1472});
        AgentMemoryShapesTest.shapes().map(Arguments::get).forEach(a -> heaps.add(new String[] {(String) a[0], (String) a[1]}));
        byte[] agent = agent();
        System.out.printf("%-52s %7s %8s %8s %8s %8s %7s %7s%n", "heap", "objects", "agent B", "bound", "lines",
                "wire B", "s@115k2", "s:FP");
        for (String[] heap : heaps) {
            try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(),
                    BoardOptions.defaults().withRealTime(true), Sessions.Setup.headless(20_000L))) {
                opened.connect().get(30, TimeUnit.SECONDS);
                opened.session().execute(heap[1]).get(20, TimeUnit.SECONDS);
                AtomicLong wire = new AtomicLong();
                AtomicInteger lines = new AtomicInteger();
                AtomicInteger fingerprinted = new AtomicInteger();
                opened.session().addListener(new SessionListener() {
                    @Override
                    public void consoleLine(String line, long hostMillis) {
                        String text = line.replaceFirst("^[> \t]+", "");
                        if (text.startsWith("~H")) {
                            wire.addAndGet(text.length() + 2L); // and its CR LF
                            lines.addAndGet(text.startsWith("~HO ") ? 1 : 0);
                            fingerprinted.addAndGet(text.matches("~HO [0-9]+ [0-9]+ s:.*") ? 1 : 0);
                        }
                    }
                });
                AgentSnapshot snapshot = new AgentRun(agent).take(opened.session(), 120_000L).get(150, TimeUnit.SECONDS);
                int objects = snapshot.objects().size();
                System.out.printf("%-52s %7d %8d %8d %8d %8d %7.2f %7d%s%n", heap[0], objects, snapshot.agentBytes(),
                        16_384 + 16L * objects, lines.get(), wire.get(), wire.get() * 10.0 / 115_200, fingerprinted.get(),
                        snapshot.complete() ? "" : "  INCOMPLETE: " + snapshot.problem());
            }
        }
    }
}
