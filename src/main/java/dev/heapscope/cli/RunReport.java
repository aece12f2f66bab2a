package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Holders;
import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.export.JsonWriter;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Hex;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.model.Symbol;
import dev.heapscope.model.TraceMode;
import dev.heapscope.symbols.Symbolizer;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** The result of {@code run}: the leaks of the last dump against the first, with Lua frames. */
final class RunReport {
    private final String board;
    private final TraceMode mode;
    private final int bufferRecords;
    private final String scriptName;
    private final Dump first;
    private final Dump last;
    private final List<String> output;
    private final FrameNamer namer;
    private final Symbolizer symbols;
    private final HeldBy heldBy;
    private final List<LeakGroup> leaks;
    private final long leakedBytes;
    private GrowthReport growth;
    private AgentHuntReport agent;
    private static final String LUA_ERROR = "Lua error:";

    /** @param board one line describing the board ("esp32-devkitc (virtual)", "/dev/ttyUSB0 @ 115200 baud") */
    RunReport(String board, TraceMode mode, int bufferRecords, String scriptName, Dump first, Dump last,
              List<String> output, Symbolizer symbols, HeldBy heldBy) {
        this.board = board;
        this.mode = mode;
        this.bufferRecords = bufferRecords;
        this.scriptName = scriptName;
        this.first = first;
        this.last = last;
        this.output = output;
        this.namer = new FrameNamer(symbols);
        this.symbols = symbols;
        this.heldBy = heldBy;
        DumpDiff diff = DumpDiff.between(first, last);
        this.leaks = LeakGroup.of(diff.appeared());
        this.leakedBytes = leaks.stream().mapToLong(LeakGroup::bytes).sum();
    }

    long leakedBytes() {
        return leakedBytes;
    }

    /** The errors the board printed while the script and its callbacks ran ("Lua error: ..." lines, prefix cut). */
    List<String> luaErrors() {
        return output.stream().filter(line -> line.startsWith(LUA_ERROR))
                .map(line -> line.substring(LUA_ERROR.length()).strip()).toList();
    }

    /** Adds what grew between two heap snapshots (shown after the leaks). */
    void withGrowth(SnapshotGrowth grown) {
        this.growth = GrowthReport.ofBoard(grown);
    }

    /** Adds what grew between two snapshots by the HeapScope agent, or why there are none (one line). */
    void withAgent(AgentHuntReport agent) {
        this.agent = agent;
    }

    private void writeGrowthText(PrintStream out) {
        if (growth != null) {
            growth.writeText(out);
        }
        if (agent != null) {
            agent.writeText(out);
        }
    }

    private void writeGrowthJson(JsonGenerator json) throws IOException {
        if (growth != null) {
            growth.writeJson(json);
        }
        if (agent != null) {
            agent.writeJson(json);
        }
    }

    void writeText(PrintStream out) {
        out.printf("Board: %s, dialect %s; heaptrace.init(%d), %s mode%n", board, last.dialect(), bufferRecords,
                mode.word());
        if (!output.isEmpty()) {
            out.println("Console output of " + scriptName + ":");
            output.forEach(line -> out.println("  | " + line));
        }
        last.warnings().forEach(w -> out.println("warning: " + w));
        int count = leaks.stream().mapToInt(LeakGroup::count).sum();
        if (leaks.isEmpty()) {
            out.println("No leaks: every allocation made after the first dump was freed by collectgarbage().");
            writeGrowthText(out);
            return;
        }
        out.printf("Leaked %d bytes in %d allocations (live in the last dump, not in the first):%n", leakedBytes, count);
        out.printf("%8s %6s  %s%n", "BYTES", "COUNT", "WHERE (innermost Lua frame first)");
        for (LeakGroup leak : leaks) {
            out.printf("%8d %6d  %s%n", leak.bytes(), leak.count(), where(leak.chain()));
            Holders holders = Holders.of(leak.records(), heldBy);
            if (!holders.isEmpty()) {
                out.printf("%16s held by %s%n", "", holders.summary());
            }
        }
        writeGrowthText(out);
    }

    void writeJson(PrintStream out) throws IOException {
        JsonWriter writer = new JsonWriter(symbols);
        try (JsonGenerator json = writer.begin(out, List.of(first, last), true)) {
            json.writeStringField("board", board);
            json.writeStringField("mode", mode.word());
            json.writeStringField("script", scriptName);
            json.writeArrayFieldStart("output");
            for (String line : output) {
                json.writeString(line);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("luaErrors");
            for (String error : luaErrors()) {
                json.writeString(error);
            }
            json.writeEndArray();
            json.writeNumberField("leakedBytes", leakedBytes);
            json.writeNumberField("leakedCount", leaks.stream().mapToInt(LeakGroup::count).sum());
            json.writeArrayFieldStart("leaks");
            for (LeakGroup leak : leaks) {
                json.writeStartObject();
                writer.writeFrames(json, leak.chain());
                json.writeNumberField("count", leak.count());
                json.writeNumberField("bytes", leak.bytes());
                writeHolders(json, leak);
                json.writeEndObject();
            }
            json.writeEndArray();
            writeGrowthJson(json);
            json.writeEndObject();
        }
        out.println();
    }

    /** {@code heldBy} (the main grouped path), every holder, and each record with its own path. */
    private void writeHolders(JsonGenerator json, LeakGroup leak) throws IOException {
        Holders holders = Holders.of(leak.records(), heldBy);
        json.writeStringField("heldBy", holders.isEmpty() ? null : holders.all().get(0).path().grouped());
        json.writeArrayFieldStart("holders");
        for (Holders.Holder holder : holders.all()) {
            json.writeStartObject();
            json.writeStringField("path", holder.path().grouped());
            json.writeNumberField("count", holder.count());
            json.writeNumberField("bytes", holder.bytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("records");
        for (Record record : leak.records()) {
            json.writeStartObject();
            json.writeStringField("address", Hex.of(record.address()));
            json.writeNumberField("size", record.sizeBytes());
            json.writeStringField("ccount", Hex.of(record.ccount()));
            json.writeStringField("path", heldBy.pathOf(record).map(RetainingPath::concrete).orElse(null));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The Lua frames of a chain ({@code leak (app.lua:3) <- main chunk (app.lua:9)}), else all frames. */
    private String where(CallChain chain) {
        StringBuilder lua = new StringBuilder();
        for (int i = 0; i < chain.depth(); i++) {
            Optional<Symbol> symbol = symbols.resolve(chain.frame(i));
            if (symbol.isPresent() && symbol.get().file() != null && !symbol.get().file().endsWith(".c")) {
                lua.append(lua.length() == 0 ? "" : " <- ").append(symbol.get().frameLabel());
            }
        }
        return lua.length() > 0 ? lua.toString() : TextReport.describe(chain, namer);
    }
}
