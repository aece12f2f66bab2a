package dev.heapscope.ui.common;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Hex;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.Symbolizer;

import java.util.Optional;

/**
 * Names call chains for tables: the top frame is the innermost Lua frame ({@code leak (app.lua:3)})
 * when the symbolizer knows one, else the innermost named frame, else the innermost address.
 */
public final class FrameLabels {
    private final Symbolizer symbolizer;

    public FrameLabels(Symbolizer symbolizer) {
        this.symbolizer = symbolizer == null ? Symbolizer.NONE : symbolizer;
    }

    public String topFrame(CallChain chain) {
        String named = null;
        for (int i = 0; i < chain.depth(); i++) {
            Optional<Symbol> symbol = symbolizer.resolve(chain.frame(i));
            if (symbol.isPresent()) {
                if (isLua(symbol.get())) {
                    return symbol.get().frameLabel();
                }
                if (named == null) {
                    named = symbol.get().frameLabel();
                }
            }
        }
        if (named != null) {
            return named;
        }
        return chain.isEmpty() ? "[no caller]" : Hex.of(chain.frame(0));
    }

    /** {@code file:line} (full path) of the frame {@link #topFrame} shows, when its location is known. */
    public Optional<String> topLocation(CallChain chain) {
        Symbol chosen = null;
        for (int i = 0; i < chain.depth() && (chosen == null || !isLua(chosen)); i++) {
            Optional<Symbol> symbol = symbolizer.resolve(chain.frame(i));
            if (symbol.isPresent() && (chosen == null || isLua(symbol.get()))) {
                chosen = symbol.get();
            }
        }
        if (chosen == null || chosen.file() == null) {
            return Optional.empty();
        }
        return Optional.of(chosen.line() > 0 ? chosen.file() + ":" + chosen.line() : chosen.file());
    }

    /**
     * Every frame, innermost first, joined with {@code  <- }: the Lua frames first (what a Lua
     * developer reads), then the firmware frames in brackets.
     */
    public String describe(CallChain chain) {
        StringBuilder lua = new StringBuilder();
        StringBuilder native_ = new StringBuilder();
        for (int i = 0; i < chain.depth(); i++) {
            int address = chain.frame(i);
            Optional<Symbol> symbol = symbolizer.resolve(address);
            boolean isLua = symbol.isPresent() && isLua(symbol.get());
            StringBuilder out = isLua ? lua : native_;
            out.append(out.length() == 0 ? "" : " <- ").append(symbol.map(Symbol::frameLabel).orElse(Hex.of(address)));
        }
        if (lua.length() == 0) {
            return native_.length() == 0 ? "[no caller]" : native_.toString();
        }
        return native_.length() == 0 ? lua.toString() : lua + "  [" + native_ + "]";
    }

    private static boolean isLua(Symbol symbol) {
        return symbol.file() != null && !symbol.file().endsWith(".c") && !symbol.file().endsWith(".h");
    }
}
