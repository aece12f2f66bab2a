package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The heaptrace module's documented leak hunt as one step: {@code init(n)}, {@code collectgarbage()},
 * {@code start(mode)}, a first dump, the user's workload, {@code collectgarbage()}, {@code stop()},
 * a last dump. What leaked is what is live in the last dump and was not in the first.
 */
public final class GuidedHunt {
    /** The steps, for progress reports. */
    public enum Step { INIT, GC_BEFORE, START, FIRST_DUMP, WORKLOAD, GC_AFTER, STOP, LAST_DUMP, DONE }

    /**
     * @param workloadError the Lua error of the workload, or null when it ran cleanly
     */
    public record Result(Dump first, Dump last, String workloadError) {
    }

    private final ProfilingSession session;
    private final int bufferRecords;
    private final TraceMode mode;
    private Consumer<Step> progress = step -> { };

    public GuidedHunt(ProfilingSession session, int bufferRecords, TraceMode mode) {
        this.session = session;
        this.bufferRecords = bufferRecords;
        this.mode = mode;
    }

    /** Called as each step begins (on the session thread). */
    public GuidedHunt onProgress(Consumer<Step> listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Runs the hunt; {@code workload} starts whatever should leak (Lua code, a wait) and completes
     * with its console answer, or with null when it is not a command.
     */
    public CompletableFuture<Result> run(Supplier<CompletableFuture<CommandResult>> workload) {
        CompletableFuture<Dump> first = step(Step.INIT, () -> session.init(bufferRecords))
                .thenCompose(ok -> step(Step.GC_BEFORE, session::collectGarbage))
                .thenCompose(ok -> step(Step.START, () -> session.start(mode)))
                .thenCompose(ok -> {
                    progress.accept(Step.FIRST_DUMP);
                    return session.dump();
                });
        CompletableFuture<String> ran = first.thenCompose(dump -> {
            progress.accept(Step.WORKLOAD);
            return workload.get().thenApply(answer -> answer == null ? null : answer.luaError());
        });
        CompletableFuture<Dump> last = ran
                .thenCompose(error -> step(Step.GC_AFTER, session::collectGarbage))
                .thenCompose(ok -> step(Step.STOP, session::stop))
                .thenCompose(ok -> {
                    progress.accept(Step.LAST_DUMP);
                    return session.dump();
                });
        return last.thenApply(dump -> {
            progress.accept(Step.DONE);
            return new Result(first.join(), dump, ran.join());
        });
    }

    /** One verb; a Lua error in it ends the hunt with that message. */
    private CompletableFuture<CommandResult> step(Step step, Supplier<CompletableFuture<CommandResult>> verb) {
        progress.accept(step);
        return verb.get().thenApply(answer -> {
            if (answer.failed()) {
                throw new CompletionException(new ConsoleException(ConsoleException.Kind.REFUSED,
                        "'" + answer.command() + "' failed on the board: " + answer.luaError()));
            }
            return answer;
        });
    }
}
