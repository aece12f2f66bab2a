package dev.heapscope.parse;

import dev.heapscope.model.Symbol;

import java.util.regex.Matcher;

/** A host monitor's decode lines ({@code 0x400d276d: leak_some_memory at /path/blink.c:27}): free symbol names. */
final class MonitorLines {
    private MonitorLines() {
    }

    /** Reports the name a monitor line gives ({@code ??} gives none); false when the line is not one. */
    static boolean read(String line, DumpListener listener) {
        if (!line.startsWith("0x") && !line.startsWith("--- 0x")) {
            return false;
        }
        Matcher m = DumpLines.MONITOR.matcher(line);
        if (!m.matches()) {
            return false;
        }
        long address = ChainReader.parseHex(m.group(1), 0, m.group(1).length());
        String function = m.group(2).strip();
        if (!function.equals("??")) {
            String file = m.group(3).strip();
            int sourceLine = m.group(4) == null ? 0 : SummaryLines.parseInt(m.group(4));
            listener.symbolFound(new Symbol((int) address, function, file.equals("??") ? null : file, sourceLine));
        }
        return true;
    }
}
