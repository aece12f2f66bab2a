package dev.heapscope.cli;

import dev.heapscope.console.CommandResult;
import dev.heapscope.session.AgentRun;
import dev.heapscope.session.ProfileRun;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.UploadedRunTime;
import dev.heapscope.session.WireTime;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The note printed before the agent or the profiler runs: how long it will take on this board's wire. The board is
 * timed first (four typed comment lines: {@link WireTime#measuredOn}), asked whether its flash already holds the tool (so
 * the upload is counted only when it will happen) and, for the agent, how big its Lua heap is
 * ({@code AgentObjectGuess}). An estimate: a heap of many short strings has more objects per kilobyte.
 */
final class WireEstimate {
    // when the board does not answer the count: a small application's heap
    private static final long TYPICAL_OBJECTS = 2000;
    private static final long ANSWER_SECONDS = 20;

    private WireEstimate() {
    }

    /** Objects estimated from the board's Lua heap; -1 when it did not say. */
    static long objectsOn(ProfilingSession session) {
        try {
            // after a collection, as the agent walks: garbage (an upload's lines, a dump's strings) is no object of its
            CommandResult answer = session.execute("collectgarbage() print(collectgarbage('count'))")
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);
            if (answer.failed()) {
                return -1;
            }
            String[] words = answer.text().strip().split("\\s+");
            double kib = Double.parseDouble(words[words.length - 1]);
            return dev.heapscope.session.AgentObjectGuess.objectsFor(Math.round(kib * 1024));
        } catch (NumberFormatException | ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** One note line on {@code err} for {@code times} agent snapshots (a hunt takes two; the agent is typed once at most). */
    static void printAgent(PrintStream err, AgentRun run, ProfilingSession session, int baudRate, int times) {
        WireTime wire = timed(session, baudRate);
        long objects = objectsOn(session);
        Boolean onBoard = answer(run.onBoard(session));
        UploadedRunTime one = run.wireTime(wire, objects > 0 ? objects : TYPICAL_OBJECTS);
        UploadedRunTime all = new UploadedRunTime(one.uploadSeconds(), times * one.runSeconds());
        String what = (times > 1 ? times + " snapshots" : "a snapshot") + " of "
                + (objects > 0 ? "the board's heap, about %,d Lua objects from its collectgarbage('count'),"
                : "a heap of about %,d Lua objects");
        err.println("heapscope: note: " + String.format(Locale.ROOT, what, objects > 0 ? objects : TYPICAL_OBJECTS)
                + " " + sentence(all, onBoard, "the agent", times > 1 ? "take" : "takes", wire));
    }

    /** One note line on {@code err} before a profile: the typing part (the workload's run comes on top). */
    static void printProfile(PrintStream err, ProfileRun run, ProfilingSession session, int baudRate,
                             ProfileRun.Workload workload, ProfileRun.Settings settings) {
        WireTime wire = timed(session, baudRate);
        Boolean onBoard = answer(run.onBoard(session));
        err.println("heapscope: note: the profile's typing " + sentence(run.wireTime(wire, workload, settings), onBoard,
                "the profiler", "takes", wire) + "; the workload's run and the profile's lines come on top");
    }

    /** "takes about 9 s at 115200 baud, 7 s of it typing the agent into the board's flash (an estimate: …)" */
    static String sentence(UploadedRunTime time, Boolean onBoard, String tool, String verb, WireTime wire) {
        String upload;
        double seconds;
        if (Boolean.TRUE.equals(onBoard)) {
            seconds = time.total(false);
            upload = ", " + tool + " already in the board's flash";
        } else {
            seconds = time.total(true);
            upload = String.format(Locale.ROOT, ", %s of it typing %s into the board's flash%s",
                    duration(time.uploadSeconds()), tool, onBoard == null ? " unless it is there already" : "");
        }
        return String.format(Locale.ROOT, "%s %s%s at %d baud%s (an estimate: a typed line took %.1f ms here "
                        + "plus %.2f ms a character)", verb, onBoard == null ? "up to about " : "about ", duration(seconds),
                wire.baudRate(), upload, wire.lineSeconds() * 1000, wire.secondsPerTypedByte() * 1000);
    }

    static String duration(double seconds) {
        long whole = Math.max(1, Math.round(seconds));
        return whole < 120 ? whole + " s" : String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    /** The board timed; the wire's own figures when it does not answer. */
    private static WireTime timed(ProfilingSession session, int baudRate) {
        try {
            return WireTime.measuredOn(session, baudRate).get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return WireTime.at(baudRate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WireTime.at(baudRate);
        }
    }

    /** The probe's answer; null when it gave none. */
    private static Boolean answer(CompletableFuture<Boolean> probe) {
        try {
            return probe.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
