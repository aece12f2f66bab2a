package dev.heapscope.ui;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.LuaProfileFlame;
import dev.heapscope.analysis.Weight;
import dev.heapscope.export.FoldedWriter;
import dev.heapscope.export.LogExport;
import dev.heapscope.export.PngFlameWriter;
import dev.heapscope.export.SvgFlameWriter;
import dev.heapscope.ui.flame.LuaProfiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * File › Export while the Flame graph shows Lua allocations: the profile shown as folded stacks, SVG or PNG, written
 * by the same writers as the heap trace's flame graph (bytes, as {@code heapscope profile --svg} writes them).
 */
final class LuaFlameExports {
    static final Set<LogExport.Format> FORMATS = Set.of(LogExport.Format.FOLDED, LogExport.Format.SVG,
            LogExport.Format.PNG);

    private LuaFlameExports() {
    }

    static boolean handles(LogExport.Format format) {
        return FORMATS.contains(format);
    }

    /** The file name offered: {@code heapscope-lua-allocations-2.svg}. */
    static String fileName(LogExport.Format format, LuaProfiles.Entry entry) {
        return format.fileName("heapscope-lua-allocations-" + entry.number());
    }

    static String title(LuaProfiles.Entry entry) {
        return String.format(Locale.ROOT, "Lua allocations #%d: %s (%,d bytes%s)", entry.number(), entry.workload(),
                entry.profile().totalBytes(), entry.profile().complete() ? "" : ", INCOMPLETE");
    }

    static void write(LogExport.Format format, LuaProfiles.Entry entry, OutputStream out) throws IOException {
        CallTree tree = LuaProfileFlame.tree(entry.profile(), Weight.BYTES);
        switch (format) {
            case FOLDED -> text(out, w -> FoldedWriter.write(tree, w));
            case SVG -> text(out, w -> SvgFlameWriter.write(tree, title(entry), w));
            case PNG -> PngFlameWriter.write(tree, title(entry), 1, out);
            default -> throw new IllegalArgumentException("a Lua profile is exported as a flame graph or folded stacks, "
                    + "not as " + format.title());
        }
    }

    private interface Text {
        void write(Writer out) throws IOException;
    }

    private static void text(OutputStream out, Text body) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        body.write(writer);
        writer.flush();
    }
}
