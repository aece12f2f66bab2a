package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.model.CallChain;

/** How exports show a call chain: addresses as the firmware prints them, or names innermost first. */
final class ChainText {
    static final String NAME_SEPARATOR = " <- ";

    private ChainText() {
    }

    /** Frames a report cell shows at most: the innermost, where a leak is told apart. */
    static final int MAX_CELL_FRAMES = 48;
    /** Characters of one name a report shows at most; a board or a session file may send any length. */
    static final int MAX_NAME_CHARS = 200;

    static String addresses(CallChain chain) {
        return chain.toString();
    }

    /** The innermost {@code maxFrames} addresses, colon-separated, then how many more there are. */
    static String addresses(CallChain chain, int maxFrames) {
        if (chain.depth() <= maxFrames) {
            return addresses(chain);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < maxFrames; i++) {
            text.append(dev.heapscope.model.Hex.of(chain.frame(i))).append(':');
        }
        return text.append(" \u2026 ").append(chain.depth() - maxFrames).append(" more").toString();
    }

    /** As {@link #names(CallChain, FrameNamer)} for a report cell: frames and each name cut to a bound. */
    static String names(CallChain chain, FrameNamer namer, int maxFrames) {
        if (chain.isEmpty()) {
            return "(no call chain recorded)";
        }
        StringBuilder text = new StringBuilder();
        int shown = Math.min(maxFrames, chain.depth());
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(NAME_SEPARATOR);
            }
            text.append(shortened(namer.name(chain.frame(i))));
        }
        if (shown < chain.depth()) {
            text.append(NAME_SEPARATOR).append("\u2026 ").append(chain.depth() - shown).append(" more frame(s)");
        }
        return text.toString();
    }

    /** {@code name}, cut to {@link #MAX_NAME_CHARS} with an ellipsis. */
    static String shortened(String name) {
        return name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS - 1) + "\u2026";
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
