package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.model.CallChain;

/** How exports show a call chain: addresses as the firmware prints them, or names innermost first. */
final class ChainText {
    static final String NAME_SEPARATOR = " <- ";

    private ChainText() {
    }

    static String addresses(CallChain chain) {
        return chain.toString();
    }

    /** {@code inner <- outer}; {@code (no call chain recorded)} for an empty chain. */
    static String names(CallChain chain, FrameNamer namer) {
        if (chain.isEmpty()) {
            return "(no call chain recorded)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chain.depth(); i++) {
            if (i > 0) {
                text.append(NAME_SEPARATOR);
            }
            text.append(namer.name(chain.frame(i)));
        }
        return text.toString();
    }
}
