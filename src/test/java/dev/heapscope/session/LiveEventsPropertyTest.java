package dev.heapscope.session;

import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.LogParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live session and its transcript parsed afterwards agree on every board event, its kind and its line,
 * however the bytes were cut into reads and whichever line ends the board mixed.
 */
class LiveEventsPropertyTest {
    private static final String ESC = "\u001b";
    private static final List<String> EVENTS = List.of(
            "NodeMCU ESP32 build 2024-10-25 powered by Lua 5.3.5 [5.3-int32-singlefp] on IDF v5.1.3",
            "rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)",
            "Rebooting...",
            "Guru Meditation Error: Core  1 panic'ed (Interrupt wdt timeout on CPU1).",
            "    18 bytes (@ 0x3ffc1a50, Internal) allocated CPU 0Guru Meditation Error: Core  0 panic'ed (LoadProhibited).",
            "abort() was called at PC 0x400d2f3b on core 0",
            "Backtrace: 0x4008a1b3:0x3ffbe0c0 0x4008b3c2:0x3ffbe0f0",
            "ELF file SHA256: 3ab1c0f2e9d8a7b6",
            ESC + "[0;32mI (331) app_init: ELF file SHA256:  65db5482827bce52..." + ESC + "[0m",
            "I (1203) BOD: Brownout detector was triggered",
            "Brownout detector was triggered",
            "Lua error: \tstdin:1: attempt to call a nil value");
    private static final List<String> NOISE = List.of(
            "I (58211) wifi:bcn_timeout,ap_probe_send_start", // a log line: an event, but not one that is kept
            "> print('Rebooting...')",
            "> heaptrace.dump()",
            "====== Heap Trace: 1 records (200 capacity) ======",
            "    40 bytes (@ 0x3ffc8a30, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller 0x400e1a2c:",
            "",
            "stack traceback:");

    /** One console line and how it ends. */
    record Line(String text, String end) {
    }

    @Property(tries = 60)
    void theSnapshotHoldsTheEventsOfItsParsedTranscript(@ForAll("consoles") List<Line> console,
                                                         @ForAll("cuts") List<Integer> cuts) throws Exception {
        StringBuilder text = new StringBuilder();
        console.forEach(line -> text.append(line.text()).append(line.end()));
        text.append("> "); // the board idles at its prompt: the live side needs no end of input
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);

        try (ProfilingSession session = new ProfilingSession(new ScriptedTransport(chunks(bytes, cuts)),
                SessionOptions.DEFAULTS)) {
            session.connect().get(10, TimeUnit.SECONDS);
            SessionSnapshot live = session.snapshot().get(10, TimeUnit.SECONDS);
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                 live.bytesReceived() < bytes.length && System.nanoTime() < deadline; ) {
                Thread.sleep(2);
                live = session.snapshot().get(10, TimeUnit.SECONDS);
            }
            assertThat(live.bytesReceived()).isEqualTo(bytes.length);
            byte[] transcript = session.transcript().get(10, TimeUnit.SECONDS);
            List<LineEvent> parsed = new LogParser().parse(new String(transcript, StandardCharsets.ISO_8859_1)).events();

            assertThat(live.events()).isEqualTo(parsed);
            assertThat(live.events()).hasSameSizeAs(console.stream().filter(line -> EVENTS.contains(line.text())).toList());
        }
    }

    private static List<byte[]> chunks(byte[] bytes, List<Integer> cuts) {
        TreeSet<Integer> at = new TreeSet<>();
        cuts.forEach(cut -> at.add(Math.floorMod(cut, bytes.length + 1)));
        at.add(bytes.length);
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            if (to > from) {
                chunks.add(Arrays.copyOfRange(bytes, from, to));
                from = to;
            }
        }
        return chunks;
    }

    @Provide
    Arbitrary<List<Line>> consoles() {
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.of(EVENTS), Arbitraries.of(NOISE));
        Arbitrary<String> ends = Arbitraries.of("\n", "\r\n", "\r");
        return Combinators.combine(texts, ends).as(Line::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMaxSize(30);
    }
}
