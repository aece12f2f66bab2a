package dev.heapscope.fuzz;

import java.util.Random;

/** An input surface of HeapScope: how to make an input for it and how to judge what it did with one. */
interface Surface extends AutoCloseable {
    String name();

    FuzzInput next(long index, Random random);

    /**
     * Feeds the input and checks the result; a thrown exception is an escaped one. {@code reproducer} names the
     * saved input's path so the verdict's command can be typed again.
     */
    Verdict feed(FuzzInput input, java.nio.file.Path reproducer) throws Exception;

    /** The command that feeds a saved input again, for a hang (whose verdict never came). */
    default String command(FuzzInput input, java.nio.file.Path reproducer) {
        return "input #" + input.index() + " of surface " + name() + ": " + reproducer;
    }

    /** After a hang: the surface drops whatever the stuck input held (a board, a worker) and starts afresh. */
    default void recoverFromHang() {
    }

    @Override
    default void close() {
    }
}
