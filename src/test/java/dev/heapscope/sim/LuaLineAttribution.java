package dev.heapscope.sim;

import dev.heapscope.model.Record;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The virtual board's own attribution of a scenario's allocations to Lua lines, what the allocation profiler (and
 * the app's Lua flame graph) is checked against: the script run under heap tracing, each live record's bytes summed
 * on the Lua line its chain names first, as the leak table names it ({@code handle_request (…:19)}). With the
 * collector stopped every allocation is still live at the end, as under the profiler; with it running, what is
 * left is what leaked.
 */
public final class LuaLineAttribution {
    private LuaLineAttribution() {
    }

    /** {@code scenario} from simulator/scenarios. */
    public static Map<String, Long> perLine(String scenario, boolean collectorStopped) throws Exception {
        String text = Files.readString(Path.of("simulator/scenarios", scenario), StandardCharsets.UTF_8);
        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults())) {
            board.console().boot();
            board.console().loadScript(scenario, text);
            String run = collectorStopped
                    ? "collectgarbage() collectgarbage() collectgarbage('stop') heaptrace.start(heaptrace.TRACE_LEAKS) "
                    + "dofile('" + scenario + "') heaptrace.stop() collectgarbage('restart')"
                    : "collectgarbage() collectgarbage() heaptrace.start(heaptrace.TRACE_LEAKS) dofile('" + scenario
                    + "') collectgarbage() collectgarbage() heaptrace.stop()";
            for (String line : List.of("heaptrace.init(500)", run)) {
                board.console().receive((line + "\n").getBytes(StandardCharsets.US_ASCII));
                board.console().awaitIdle();
            }
            List<Record> records = board.console().later(() -> board.heap().tracer().snapshot().records())
                    .get(20, TimeUnit.SECONDS);
            Map<String, Long> perLine = new TreeMap<>();
            for (Record record : records) {
                if (!record.freed()) {
                    for (int frame : record.caller().frames()) {
                        var symbol = board.console().symbols().resolve(frame);
                        if (Integer.compareUnsigned(frame, SimulatorSymbols.LUA_FRAME_BASE) >= 0 && symbol.isPresent()) {
                            perLine.merge(symbol.get().file() + ":" + symbol.get().line(), (long) record.sizeBytes(), Long::sum);
                            break;
                        }
                    }
                }
            }
            return perLine;
        }
    }
}
