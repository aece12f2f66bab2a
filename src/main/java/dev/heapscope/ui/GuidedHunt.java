package dev.heapscope.ui;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.TraceState;
import dev.heapscope.sim.SimulatedBoard;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The documented leak hunt on the virtual board, step by step: load the scenario into flash, init,
 * GC, start (leaks), dump, dofile, run virtual time, GC, stop, dump. Blocking: run it off the FX thread.
 */
public final class GuidedHunt {
    static final long STEP_TIMEOUT_SECONDS = 60;
    private static final int STEPS = 11;

    /** The two dumps that bracket the scenario, and what the scenario printed or failed with. */
    public record Result(Dump before, Dump after, String scriptError) {
    }

    /** A step failed; the message says which and why. */
    public static final class HuntFailed extends Exception {
        HuntFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ProfilingSession session;
    private final SimulatedBoard board;

    public GuidedHunt(ProfilingSession session, SimulatedBoard board) {
        this.session = session;
        this.board = board;
    }

    public Result run(Scenario scenario, int bufferRecords, long virtualSeconds, TraceState traceNow,
                      HuntProgress progress) throws HuntFailed, InterruptedException {
        int[] step = {0};
        String current = "";
        try {
            if (traceNow == TraceState.TRACING) {
                current = report(progress, step, "stop the running trace");
                checked(await(session.stop()));
            }
            current = report(progress, step, "load " + scenario.name() + " into flash");
            board.console().loadScript(scenario.name(), scenario.text());
            current = report(progress, step, "heaptrace.init(" + bufferRecords + ")");
            checked(await(session.init(bufferRecords)));
            current = report(progress, step, "collectgarbage()");
            checked(await(session.collectGarbage()));
            current = report(progress, step, "heaptrace.start(TRACE_LEAKS)");
            checked(await(session.start(TraceMode.LEAKS)));
            current = report(progress, step, "first dump");
            Dump before = await(session.dump());
            current = report(progress, step, "dofile(\"" + scenario.name() + "\")");
            CommandResult ran = await(session.execute("dofile(\"" + scenario.name().replace("\"", "\\\"") + "\")"));
            current = report(progress, step, "run " + virtualSeconds + " s of virtual time");
            if (virtualSeconds > 0) {
                board.console().runVirtualTime(virtualSeconds * 1000);
            }
            current = report(progress, step, "collectgarbage()");
            checked(await(session.collectGarbage()));
            current = report(progress, step, "heaptrace.stop()");
            checked(await(session.stop()));
            current = report(progress, step, "last dump");
            Dump after = await(session.dump());
            progress.step(STEPS, STEPS, "done");
            return new Result(before, after, ran.luaError());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new HuntFailed(current + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new HuntFailed(current + ": the board did not answer within " + STEP_TIMEOUT_SECONDS + " s", e);
        } catch (IllegalStateException e) {
            throw new HuntFailed(current + ": " + e.getMessage(), e);
        }
    }

    private static String report(HuntProgress progress, int[] step, String what) {
        progress.step(Math.min(step[0]++, STEPS - 1), STEPS, what);
        return what;
    }

    private static <T> T await(Future<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void checked(CommandResult result) {
        if (result.failed()) {
            throw new IllegalStateException("Lua error: " + result.luaError());
        }
    }
}
