package dev.heapscope.analysis;

import dev.heapscope.model.ParseWarning;

import java.util.List;

/**
 * What {@link FoldedStacksReader} made of a folded-stacks text.
 *
 * @param tree        the stacks that could be read
 * @param stackLines  lines that added a stack (including ones with value 0)
 * @param problems    lines that could not be read, with their 1-based line numbers
 */
public record FoldedImport(CallTree tree, int stackLines, List<ParseWarning> problems) {

    public FoldedImport {
        problems = List.copyOf(problems);
    }
}
