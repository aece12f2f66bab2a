package dev.heapscope.cli;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.export.FoldedWriter;
import dev.heapscope.model.Dump;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.symbols.Symbolizer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/** {@code analyze --folded}: the live records of the last complete dump as folded stacks. */
final class FoldedOutput {
    private FoldedOutput() {
    }

    static int print(StreamedLog streamed, boolean byCount, Symbolizer names, PrintStream out, PrintStream err)
            throws IOException {
        Optional<Dump> dump = streamed.shownDump();
        if (dump.isEmpty()) {
            err.println("heapscope: no heap trace dump in the input");
            return ExitCodes.UNREADABLE_INPUT;
        }
        if (!dump.get().complete()) {
            err.println("heapscope: warning: no complete dump; using incomplete dump #" + (dump.get().index() + 1));
        }
        // from the live records' sums per chain: the same tree as from the records themselves
        CallTree tree = streamed.shownTally().callTree(byCount ? Weight.COUNT : Weight.BYTES, new FrameNamer(names));
        BufferedWriter writer = new BufferedWriter(TerminalWriter.onto(out), 1 << 16);
        FoldedWriter.write(tree, writer);
        writer.flush();
        return ExitCodes.OK;
    }
}
