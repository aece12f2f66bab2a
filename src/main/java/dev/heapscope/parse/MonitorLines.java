package dev.heapscope.parse;

import dev.heapscope.model.Symbol;

/** A host monitor's decode lines ({@code 0x400d276d: leak_some_memory at /path/blink.c:27}): free symbol names. */
final class MonitorLines {
    private MonitorLines() {
    }

    /** Reports the name a monitor line gives ({@code ??} gives none); false when the line is not one. */
    static boolean read(String line, DumpListener listener) {
        if (!line.startsWith("0x") && !line.startsWith("--- 0x")) {
            return false;
        }
        MonitorLineScanner.Decoded decoded = MonitorLineScanner.scan(line);
        if (decoded == null) {
            return false;
        }
        String function = decoded.function().strip();
        if (!function.equals("??")) {
            String file = decoded.file().strip();
            listener.symbolFound(new Symbol((int) decoded.address(), function, file.equals("??") ? null : file,
                    decoded.line()));
        }
        return true;
    }
}
