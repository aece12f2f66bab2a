package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the agent's own memory stays below 16 KB plus 16 bytes per object on heaps of about 2,000 objects of
 * every shape, not only the one of {@link AgentMemoryTest}: rich in unique strings (as keys and values), in
 * closures, in small tables, one deep chain, objects whose metatable has its own {@code __tostring}, and strings
 * reached again and again after the agent's exact set is full. And the bound costs nothing in the result: the
 * same board walked by the agent with an unbounded string set gives the same objects, sizes and paths.
 */
class AgentMemoryShapesTest {
    /** Room for every string: the agent before its set had a bound, for comparison. */
    private static final int UNBOUNDED = 1_000_000_000;

    /** How the shape meets the agent's exact string set. */
    enum Strings {
        /** it holds them all */
        FIT,
        /** strings past it, each reached once: each sent once, with a fingerprint */
        PAST,
        /** strings past it reached again: some sent again, read back as one */
        REPEATED
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("unique strings as keys and values",
                        "sr = {} for i = 1, 965 do sr['key' .. i] = 'value ' .. i end", Strings.PAST),
                // the set full before a wide frontier: without its bound, 56 KB against 48 KB here
                Arguments.of("unique strings, then a wide frontier of tables", "sx = {} for i = 1, 1100 do "
                        + "sx[i] = 'u' .. i end deep = { bx = {} } for i = 1, 830 do deep.bx[i] = {} end", Strings.PAST),
                Arguments.of("records with unique strings, closures over tables",
                        "cache = {} for i = 1, 650 do cache[i] = { n = i, s = 'item' .. i } end fns = {} "
                                + "for i = 1, 300 do local u = { i } fns[i] = function() return u end end", Strings.PAST),
                Arguments.of("closures", "cl = {} for i = 1, 1930 do cl[i] = function() return i end end", Strings.FIT),
                Arguments.of("small tables", "tt = {} for i = 1, 1930 do tt[i] = {} end", Strings.FIT),
                Arguments.of("one deep chain", "chain = false for i = 1, 1930 do chain = { next = chain } end", Strings.FIT),
                Arguments.of("objects with their own __tostring", "local mt = { __tostring = function(o) "
                        + "return 'obj ' .. o[1] end } objs = {} for i = 1, 1920 do objs[i] = setmetatable({ i }, mt) end",
                        Strings.FIT),
                // 700 strings met first fill the exact set; 40 met late are reached 2,380 times
                Arguments.of("strings reached again past the exact set", "a0 = {} for i = 1, 700 do a0[i] = 'early' .. i "
                        + "end z = {} deep = { more = { z = z } } for i = 1, 1190 do local k = 'late' .. (i % 40) "
                        + "z[i] = { [k] = true, v = k } end", Strings.REPEATED));
    }

    /** One snapshot, with what the wire carried beside it. */
    private record Run(AgentSnapshot snapshot, int fingerprinted, int linesSent) {
    }

    private static Run take(OpenedSession opened, byte[] agent) throws Exception {
        AtomicInteger fingerprinted = new AtomicInteger();
        AtomicInteger linesSent = new AtomicInteger(-1);
        opened.session().addListener(new SessionListener() {
            @Override
            public void consoleLine(String line, long hostMillis) {
                String text = line.replaceFirst("^[> \t]+", "");
                if (text.matches("~HO [0-9]+ [0-9]+ s:.*")) {
                    fingerprinted.incrementAndGet();
                } else if (text.startsWith("~HE ")) {
                    linesSent.compareAndSet(-1, Integer.parseInt(text.split(" ")[2]));
                }
            }
        });
        AgentSnapshot snapshot = new AgentRun(agent).take(opened.session(), 60_000L).get(90, TimeUnit.SECONDS);
        return new Run(snapshot, fingerprinted.get(), linesSent.get());
    }

    /** Every object but the registry table itself, by type, size and concrete path, in a stable order. */
    private static List<String> heap(AgentSnapshot snapshot) {
        return snapshot.toHeapSnapshot(1, "", 0).objects().stream()
                .filter(o -> !o.path().grouped().equals("registry"))
                .map(o -> o.type() + " " + o.sizeBytes() + " " + o.path().concrete()).sorted().toList();
    }

    private static byte[] withStringSet(byte[] agent, int strings) {
        String text = new String(agent, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("local STRINGMAX = ");
        return text.replaceFirst("local STRINGMAX = [0-9]+", "local STRINGMAX = " + strings)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theAgentStaysUnder16KBPlus16BytesAnObjectAndItsBoundChangesNoSize(String shape, String lua, Strings strings)
            throws Exception {
        byte[] shipped = AgentRun.shippedAgent();
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(),
                BoardOptions.defaults().withRealTime(true), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            opened.session().execute(lua).get(20, TimeUnit.SECONDS);
            Run bounded = take(opened, shipped);
            Run unbounded = take(opened, withStringSet(shipped, UNBOUNDED));

            AgentSnapshot snapshot = bounded.snapshot();
            assertThat(snapshot.complete()).as(String.valueOf(snapshot.problem())).isTrue();
            assertThat(unbounded.snapshot().complete()).as(String.valueOf(unbounded.snapshot().problem())).isTrue();
            int objects = snapshot.objects().size();
            assertThat(objects).as("objects").isBetween(1_950, 2_100);
            assertThat(snapshot.agentBytes()).as("the agent's own memory on %d objects", objects).isPositive()
                    .isLessThan(16_384L + 16L * objects);
            assertThat(heap(snapshot)).isEqualTo(heap(unbounded.snapshot()));
            assertThat(unbounded.fingerprinted()).isZero();
            // the bound was met where it should be: strings went out with fingerprints, what went out twice is one object
            assertThat(bounded.fingerprinted()).as("fingerprinted strings").matches(n -> (n > 0) == (strings != Strings.FIT));
            if (strings == Strings.REPEATED) {
                assertThat(bounded.linesSent()).as("object lines sent").isGreaterThan(objects);
            } else {
                assertThat(bounded.linesSent()).as("object lines sent").isEqualTo(objects);
            }
        }
    }
}
