package dev.heapscope.ui.details;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Holders;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Hex;
import dev.heapscope.model.Record;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.Symbolizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The details of one call chain as text: every frame (Lua frames first, then the firmware's), each with
 * its name, address, file and line; a few source lines around each Lua frame's line where the source is
 * found; and what holds the chain's records alive where that is known. No JavaFX: unit-tested.
 */
public final class ChainDetails {
    static final int CONTEXT_LINES = 2;

    private ChainDetails() {
    }

    /**
     * @param records the chain's records (for what holds them)
     * @param source  a file name to its lines (the virtual board's flash, the disk), empty when not found
     */
    public static String describe(String title, CallChain chain, List<Record> records, Symbolizer names,
                                  HeldBy heldBy, Function<String, Optional<List<String>>> source) {
        StringBuilder lua = new StringBuilder();
        StringBuilder firmware = new StringBuilder();
        int luaCount = 0;
        for (int i = 0; i < chain.depth(); i++) {
            int address = chain.frame(i);
            Optional<Symbol> symbol = names.resolve(address);
            boolean isLua = symbol.isPresent() && isLua(symbol.get());
            StringBuilder out = isLua ? lua : firmware;
            luaCount += isLua ? 1 : 0;
            out.append(String.format(Locale.ROOT, "  #%-2d %s  %s%s%n", i, symbol.map(Symbol::function).orElse("?"),
                    Hex.of(address), symbol.map(ChainDetails::where).orElse("")));
            if (isLua && symbol.get().line() > 0) {
                source.apply(symbol.get().file()).ifPresent(lines -> out.append(preview(lines, symbol.get().line())));
            }
        }
        StringBuilder text = new StringBuilder(title).append(System.lineSeparator());
        text.append(String.format(Locale.ROOT, "Call chain, innermost first: %d frames (%d Lua, %d firmware)%n",
                chain.depth(), luaCount, chain.depth() - luaCount));
        if (!lua.isEmpty()) {
            text.append("Lua frames:").append(System.lineSeparator()).append(lua);
        }
        if (!firmware.isEmpty()) {
            text.append("Firmware frames:").append(System.lineSeparator()).append(firmware);
        }
        Holders holders = Holders.of(records, heldBy);
        if (heldBy == HeldBy.UNKNOWN && !records.isEmpty()) {
            // not "held by nothing": the dump cannot say, and the reader should know where the answer is instead
            // short lines: the pane does not wrap
            String n = System.lineSeparator();
            text.append("Held by: not known").append(n)
                    .append("  A real board's heaptrace records carry no link to Lua").append(n)
                    .append("  objects: the agent's heap snapshots (Retained by) show").append(n)
                    .append("  which Lua paths hold memory.").append(n);
        } else if (!holders.isEmpty()) {
            text.append("Held by:").append(System.lineSeparator());
            for (Holders.Holder holder : holders.all()) {
                text.append(String.format(Locale.ROOT, "  %s  (%,d records, %,d bytes)%n", holder.path().grouped(),
                        holder.count(), holder.bytes()));
            }
        }
        return text.toString();
    }

    /** The chain among {@code records} that holds the most bytes under this path of frame names (outermost first). */
    public static Optional<CallChain> chainUnder(List<String> outermostFirst, List<Record> records, Symbolizer names) {
        FrameNamer namer = new FrameNamer(names);
        Map<CallChain, Long> bytes = new HashMap<>();
        for (Record record : records) {
            bytes.merge(record.caller(), (long) record.sizeBytes(), Long::sum);
        }
        CallChain best = null;
        long most = -1;
        for (Map.Entry<CallChain, Long> entry : bytes.entrySet()) {
            if (entry.getValue() > most && startsWith(entry.getKey(), outermostFirst, namer)) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean startsWith(CallChain chain, List<String> outermostFirst, FrameNamer namer) {
        if (outermostFirst.size() > chain.depth()) {
            return false;
        }
        for (int i = 0; i < outermostFirst.size(); i++) {
            if (!namer.name(chain.frame(chain.depth() - 1 - i)).equals(outermostFirst.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A few lines around {@code line} (1-based), the line itself marked. */
    static String preview(List<String> lines, int line) {
        List<String> out = new ArrayList<>();
        for (int n = Math.max(1, line - CONTEXT_LINES); n <= Math.min(lines.size(), line + CONTEXT_LINES); n++) {
            out.add(String.format(Locale.ROOT, "      %s%4d | %s", n == line ? ">" : " ", n, lines.get(n - 1)));
        }
        return out.isEmpty() ? "" : String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    private static String where(Symbol symbol) {
        if (symbol.file() == null || symbol.file().isEmpty()) {
            return "";
        }
        return "  " + symbol.file() + (symbol.line() > 0 ? ":" + symbol.line() : "");
    }

    private static boolean isLua(Symbol symbol) {
        return symbol.file() != null && !symbol.file().endsWith(".c") && !symbol.file().endsWith(".h");
    }
}
