package dev.heapscope.analysis.flame;

import dev.heapscope.model.ParseWarning;

import java.util.List;

/**
 * What {@link FoldedStacksScanner} made of a folded-stacks file, the same counts and problems as
 * {@link dev.heapscope.analysis.FoldedStacksReader} gives for it.
 *
 * @param stacks      the stacks that could be read, not merged yet
 * @param stackLines  lines that added a stack (including ones with value 0)
 * @param problems    lines that could not be read, with their 1-based line numbers
 */
public record FlameImport(FlameStacks stacks, int stackLines, List<ParseWarning> problems) {

    public FlameImport {
        problems = List.copyOf(problems);
    }
}
