package dev.heapscope.session;

import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.HeapSample;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@code node.heap()} polls: one now, or one every interval while the console is idle. Session thread. */
final class HeapPolling {
    private final SessionCore core;
    private ScheduledFuture<?> every;

    HeapPolling(SessionCore core) {
        this.core = core;
    }

    CompletableFuture<HeapSample> pollNow() {
        CompletableFuture<HeapSample> result = new CompletableFuture<>();
        core.thread().execute(() -> core.send("=node.heap()").whenComplete((answer, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            HeapSample sample = HeapReading.parse(answer, SessionCore.now());
            if (sample == null) {
                result.completeExceptionally(new ConsoleException(ConsoleException.Kind.REFUSED,
                        "node.heap() answered something that is not a number: " + SessionCore.abbreviate(answer.text())));
                return;
            }
            core.record().addSample(sample);
            core.forEachListener(l -> l.heapSampled(sample));
            result.complete(sample);
        }));
        return result;
    }

    /** Polls every {@code intervalMillis} while the console is idle; 0 stops. */
    void pollEvery(long intervalMillis) {
        core.thread().execute(() -> {
            if (every != null) {
                every.cancel(false);
                every = null;
            }
            if (intervalMillis > 0) {
                every = core.thread().scheduleWithFixedDelay(() -> {
                    if (core.idleAndConnected()) {
                        pollNow();
                    }
                }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
            }
        });
    }
}
