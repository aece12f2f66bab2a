package dev.heapscope.ui.hunt;

import dev.heapscope.console.CommandResult;
import dev.heapscope.session.HuntWorkload;
import dev.heapscope.session.ProfilingSession;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A workload on a virtual board that does not hold the user's project yet (a new connection): the project
 * is written into its flash and the board rebooted before the trace starts, so init.lua's work is not
 * counted, then {@code inner} runs between the dumps.
 */
final class ProjectWorkload implements HuntWorkload {
    private static final long BOOT_MILLIS = 15_000;
    private final HuntWorkload inner;
    private final String loading;
    private final Supplier<CompletableFuture<Void>> load;

    ProjectWorkload(HuntWorkload inner, String loading, Supplier<CompletableFuture<Void>> load) {
        this.inner = inner;
        this.loading = loading;
        this.load = load;
    }

    @Override
    public String preparation() {
        return loading;
    }

    @Override
    public CompletableFuture<Void> prepare(ProfilingSession session) {
        // the reboot's banner and prompt reach the session before this waits for the prompt
        return load.get().thenCompose(ok -> session.awaitPrompt(BOOT_MILLIS));
    }

    @Override
    public CompletableFuture<CommandResult> start(ProfilingSession session) {
        return inner.start(session);
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
