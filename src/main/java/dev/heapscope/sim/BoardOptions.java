package dev.heapscope.sim;

/**
 * How a {@link VirtualBoard} behaves.
 *
 * @param idfVersion          printed in the banner, e.g. {@code v5.1.3}
 * @param buildDate           printed in the banner, e.g. {@code 2024-10-25}
 * @param lineEnding          for prompt, echo and {@code print}
 * @param instructionBudget   Lua VM instructions one input chunk (or one timer callback) may run
 * @param budgetWallMillis    wall-clock limit for one chunk, so a runaway loop ends within about that time
 * @param maxChainDepth       frames kept per allocation call chain (the heap tracer truncates too)
 * @param realTime            the board thread advances the virtual clock with wall time and fires timers
 * @param sweepEveryAllocations how often (in tracked allocations) the board looks whether the JVM has collected and,
 *                            if so, frees the blocks of dead Lua objects, as an incremental GC would
 * @param sampleEveryAllocations 1 tracks every Lua table, string and closure (exact); N &gt; 1 tracks about one in N,
 *                            chosen at random, each charged N times its size: totals stay right on average and the
 *                            tracker costs less, but counts are 1/N and a small leak can be missed (see
 *                            docs/PERFORMANCE.md). Firmware objects (timers, files) and coroutines are always tracked.
 */
public record BoardOptions(String idfVersion, String buildDate, LineEnding lineEnding, long instructionBudget,
                           long budgetWallMillis, int maxChainDepth, boolean realTime, int sweepEveryAllocations,
                           int sampleEveryAllocations) {

    public BoardOptions {
        if (instructionBudget <= 0 || budgetWallMillis <= 0 || maxChainDepth <= 0 || sweepEveryAllocations <= 0
                || sampleEveryAllocations <= 0) {
            throw new IllegalArgumentException("budgets, depth, sweep and sampling intervals must be positive");
        }
    }

    public static BoardOptions defaults() {
        return new BoardOptions("v5.1.3", "2024-10-25", LineEnding.LF, 50_000_000L, 1_000L, 10, false, 1024, 1);
    }

    public BoardOptions withLineEnding(LineEnding ending) {
        return new BoardOptions(idfVersion, buildDate, ending, instructionBudget, budgetWallMillis, maxChainDepth,
                realTime, sweepEveryAllocations, sampleEveryAllocations);
    }

    public BoardOptions withInstructionBudget(long instructions, long wallMillis) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructions, wallMillis, maxChainDepth, realTime,
                sweepEveryAllocations, sampleEveryAllocations);
    }

    public BoardOptions withMaxChainDepth(int depth) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, depth, realTime,
                sweepEveryAllocations, sampleEveryAllocations);
    }

    public BoardOptions withRealTime(boolean on) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, maxChainDepth, on,
                sweepEveryAllocations, sampleEveryAllocations);
    }

    public BoardOptions withIdfVersion(String version) {
        return new BoardOptions(version, buildDate, lineEnding, instructionBudget, budgetWallMillis, maxChainDepth,
                realTime, sweepEveryAllocations, sampleEveryAllocations);
    }

    /** Tracks about one in {@code n} Lua allocations, charged {@code n} times their size (1 = every allocation). */
    public BoardOptions withSampling(int n) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, maxChainDepth,
                realTime, sweepEveryAllocations, n);
    }
}
