package dev.heapscope.cli;

import dev.heapscope.console.CommandResult;
import dev.heapscope.session.AgentRun;
import dev.heapscope.session.ProfilingSession;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * The note printed before the agent runs: how long its upload and output take on the wire at the port's baud,
 * for a heap whose object count is estimated from {@code collectgarbage("count")} ({@code AgentObjectGuess}).
 * An estimate: a heap of many short strings has more objects per kilobyte.
 */
final class WireEstimate {
    // when the board does not answer the count: a small application's heap
    private static final long TYPICAL_OBJECTS = 2000;

    private WireEstimate() {
    }

    /** Objects estimated from the board's Lua heap; -1 when it did not say. */
    static long objectsOn(ProfilingSession session) {
        try {
            // after a collection, as the agent walks: garbage (an upload's lines, a dump's strings) is no object of its
            CommandResult answer = session.execute("collectgarbage() print(collectgarbage('count'))").get(20, TimeUnit.SECONDS);
            if (answer.failed()) {
                return -1;
            }
            String[] words = answer.text().strip().split("\\s+");
            double kib = Double.parseDouble(words[words.length - 1]);
            return dev.heapscope.session.AgentObjectGuess.objectsFor(Math.round(kib * 1024));
        } catch (NumberFormatException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** One note line on {@code err}; {@code times} snapshots (a hunt takes two). */
    static void print(PrintStream err, AgentRun run, int baudRate, long objects, int times) {
        boolean measured = objects > 0;
        long count = measured ? objects : TYPICAL_OBJECTS;
        err.printf("heapscope: note: the agent's upload and %s of %s about %,d Lua objects take about %.0f s on the "
                        + "wire at %d baud (an estimate of the bytes alone: each line of the upload also waits for the board's "
                        + "answer)%n", times > 1 ? times + " snapshots" : "a snapshot",
                measured ? "the board's heap, from its collectgarbage('count'):" : "a heap of", count,
                times * run.wireSeconds(baudRate, count), baudRate);
    }
}
