package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.sim.SimulatedBoard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A long-running app measured in its steady state: the script and its warm-up run before the trace (what
 * it sets up for good is not a leak), then only virtual time runs between the dumps. A script that fails
 * while warming up ends the hunt with its error, as a failing workload would.
 */
final class WarmedUpScript implements HuntWorkload {
    private final VirtualScript warmup;
    private final SimulatedBoard board;
    private final long virtualSeconds;

    WarmedUpScript(VirtualScript warmup, SimulatedBoard board, long virtualSeconds) {
        this.warmup = warmup;
        this.board = board;
        this.virtualSeconds = virtualSeconds;
    }

    @Override
    public String preparation() {
        return warmup.describe() + " (warm-up)";
    }

    @Override
    public CompletableFuture<Void> prepare(ProfilingSession session) {
        return warmup.start(session).thenAccept(answer -> {
            if (answer != null && answer.failed()) {
                throw new CompletionException(new ConsoleException(ConsoleException.Kind.REFUSED,
                        "the script failed while warming up: " + answer.luaError()));
            }
        });
    }

    @Override
    public CompletableFuture<CommandResult> start(ProfilingSession session) {
        return CompletableFuture.supplyAsync(() -> {
            board.console().runVirtualTime(virtualSeconds * 1000);
            return null;
        });
    }

    @Override
    public String describe() {
        return virtualSeconds + " s of virtual time in its steady state";
    }
}
