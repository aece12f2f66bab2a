package dev.heapscope.parse;

import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.DumpHeader;
import dev.heapscope.model.Record;
import dev.heapscope.model.Symbol;

/** What a {@link DumpParser} reports, on the thread that feeds it. */
public interface DumpListener {

    /** A dump ended: complete, or cut short (then {@link Dump#complete()} is false). */
    void dumpParsed(Dump dump);

    /** A dump began; {@code header} is null for records pasted without their header line. */
    default void dumpStarted(Dialect dialect, DumpHeader header, long lineNumber) {
    }

    /**
     * One record of the dump being read, final; only from a {@link DumpParser#streaming} parser, whose dumps
     * then hold no records.
     */
    default void recordParsed(Record record) {
    }

    /** A host monitor named a code address (free symbol information). */
    default void symbolFound(Symbol symbol) {
    }

    /** A line that belongs to no dump: console output, prompts, logs. */
    default void otherLine(String line, long lineNumber, long hostMillis) {
    }
}
