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
    private static final int STEPS = 2 + dev.heapscope.session.GuidedHunt.Step.values().length - 1;

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
        String[] current = {"start"};
        try {
            if (traceNow == TraceState.TRACING) {
                current[0] = "stop the running trace";
                progress.step(0, STEPS, current[0]);
                checked(await(session.stop()));
            }
            current[0] = "load " + scenario.name() + " into flash";
            progress.step(1, STEPS, current[0]);
            board.console().loadScript(scenario.name(), scenario.text());
            String dofile = "dofile(\"" + scenario.name().replace("\"", "\\\"") + "\")";
            dev.heapscope.session.GuidedHunt.Result hunted =
                    new dev.heapscope.session.GuidedHunt(session, bufferRecords, TraceMode.LEAKS)
                            .onProgress(step -> {
                                current[0] = describe(step, bufferRecords, dofile, virtualSeconds);
                                progress.step(2 + step.ordinal(), STEPS, current[0]);
                            })
                            .run(() -> session.execute(dofile).thenApply(answer -> {
                                if (virtualSeconds > 0) {
                                    board.console().runVirtualTime(virtualSeconds * 1000);
                                }
                                return answer;
                            }))
                            .get(STEP_TIMEOUT_SECONDS * 4, TimeUnit.SECONDS);
            return new Result(hunted.first(), hunted.last(), hunted.workloadError());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new HuntFailed(current[0] + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new HuntFailed(current[0] + ": the board did not answer within " + STEP_TIMEOUT_SECONDS + " s", e);
        } catch (IllegalStateException e) {
            throw new HuntFailed(current[0] + ": " + e.getMessage(), e);
        }
    }

    private static String describe(dev.heapscope.session.GuidedHunt.Step step, int bufferRecords, String dofile,
                                   long virtualSeconds) {
        return switch (step) {
            case INIT -> "heaptrace.init(" + bufferRecords + ")";
            case GC_BEFORE, GC_AFTER -> "collectgarbage()";
            case START -> "heaptrace.start(TRACE_LEAKS)";
            case FIRST_DUMP -> "first dump";
            case WORKLOAD -> dofile + (virtualSeconds > 0 ? " and " + virtualSeconds + " s of virtual time" : "");
            case STOP -> "heaptrace.stop()";
            case LAST_DUMP -> "last dump";
            case DONE -> "done";
        };
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
