package dev.heapscope.ui;

import dev.heapscope.model.Record;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorSymbols;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The virtual board's own attribution of a scenario's allocations to Lua lines: the script run under heap tracing
 * with the collector stopped (as under the allocation profiler), each record's bytes on the first Lua line of its
 * chain. What the app's Lua flame graph is checked against.
 */
final class BoardAttribution {
    private BoardAttribution() {
    }

    static Map<String, Long> perLine(String scenario) throws Exception {
        String text = Files.readString(Path.of("simulator/scenarios", scenario), StandardCharsets.UTF_8);
        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults())) {
            board.console().boot();
            board.console().loadScript(scenario, text);
            String run = "collectgarbage() collectgarbage() collectgarbage('stop') heaptrace.start(heaptrace.TRACE_LEAKS) "
                    + "dofile('" + scenario + "') heaptrace.stop() collectgarbage('restart')";
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
