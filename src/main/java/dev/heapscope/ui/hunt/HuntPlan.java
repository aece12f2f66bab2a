package dev.heapscope.ui.hunt;

import dev.heapscope.session.HuntWorkload;
import dev.heapscope.sim.SimulatedBoard;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What the chosen workload becomes once the hunt starts, on the board connected then. */
public interface HuntPlan {
    /** For the status line: {@code cache-never-evicts.lua}, {@code dofile("app.lua")}, {@code use the device now}. */
    String name();

    /**
     * The workload on {@code board} (the virtual board, or null for a serial one); {@code userWait} completes
     * when the user presses Continue, and is asked for only by a workload that waits for the user.
     */
    HuntWorkload workload(SimulatedBoard board, Supplier<CompletableFuture<Void>> userWait);

    /** A plan that cannot be hunted, with the one-line reason shown to the user. */
    final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }
}
