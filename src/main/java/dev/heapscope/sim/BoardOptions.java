package dev.heapscope.sim;

/**
 * How a {@link VirtualBoard} behaves.
 *
 * @param idfVersion          printed in the banner, e.g. {@code v5.1.3}
 * @param buildDate           printed in the banner, e.g. {@code 2024-10-25 10:46}
 * @param lineEnding          for prompt, echo and {@code print}
 * @param instructionBudget   Lua VM instructions (plus the collector's work) one input chunk or one timer
 *                            callback may run: deterministic, so a script either always or never exceeds it
 * @param budgetWallMillis    wall-clock backstop for one chunk, far above what the instruction budget takes
 *                            even on a cold JIT; it only stops what the instruction count cannot see
 * @param watchdogMillis      CPU time of the board thread a chunk may spend without reaching a budget check
 *                            before the task watchdog fires ({@link BoardWatchdog}; a chunk that does reach
 *                            its checks may spend four times that in all): it catches what the budget cannot see
 * @param maxChainDepth       frames kept per allocation call chain (the heap tracer truncates too)
 * @param realTime            the board thread advances the virtual clock with wall time and fires timers
 * @param lua                 the Lua the firmware was built with (banner, 5.1-only functions)
 * @param debug               which {@code debug} library the firmware was built with
 */
public record BoardOptions(String idfVersion, String buildDate, LineEnding lineEnding, long instructionBudget,
                           long budgetWallMillis, long watchdogMillis, int maxChainDepth, boolean realTime, LuaRelease lua,
                           DebugLibrary debug) {

    public BoardOptions {
        if (instructionBudget <= 0 || budgetWallMillis <= 0 || watchdogMillis <= 0 || maxChainDepth <= 0 || lua == null || debug == null) {
            throw new IllegalArgumentException("budgets and depth must be positive, and the Lua release known");
        }
    }

    public static BoardOptions defaults() {
        return new BoardOptions("v5.1.3", "2024-10-25 10:46", LineEnding.LF, 50_000_000L, 60_000L, 500L, 10, false,
                LuaRelease.LUA_53, DebugLibrary.MINIMAL);
    }

    public BoardOptions withLineEnding(LineEnding ending) {
        return new BoardOptions(idfVersion, buildDate, ending, instructionBudget, budgetWallMillis, watchdogMillis, maxChainDepth,
                realTime, lua, debug);
    }

    public BoardOptions withInstructionBudget(long instructions, long wallMillis) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructions, wallMillis, watchdogMillis, maxChainDepth, realTime, lua, debug);
    }

    /** The task watchdog's bound ({@code watchdogMillis}). */
    public BoardOptions withWatchdog(long millis) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, millis, maxChainDepth,
                realTime, lua, debug);
    }

    public BoardOptions withMaxChainDepth(int depth) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, watchdogMillis, depth, realTime, lua, debug);
    }

    public BoardOptions withRealTime(boolean on) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, watchdogMillis, maxChainDepth, on, lua, debug);
    }

    public BoardOptions withLua(LuaRelease release) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, watchdogMillis, maxChainDepth,
                realTime, release, debug);
    }

    public BoardOptions withDebug(DebugLibrary library) {
        return new BoardOptions(idfVersion, buildDate, lineEnding, instructionBudget, budgetWallMillis, watchdogMillis, maxChainDepth,
                realTime, lua, library);
    }

    public BoardOptions withIdfVersion(String version) {
        return new BoardOptions(version, buildDate, lineEnding, instructionBudget, budgetWallMillis, watchdogMillis, maxChainDepth,
                realTime, lua, debug);
    }
}
