package dev.heapscope.session;

import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.HeapSample;
import dev.heapscope.transport.HeapCounter;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heap polls: one now, or one every interval. Session thread.
 *
 * <p>A scheduled poll goes out only when {@link SessionCore#readyForPoll()}: the board at its {@code > }
 * prompt and nothing of ours unanswered. So it never lands in the middle of a chunk the user is typing
 * ({@code >>}), and a line the user types meanwhile queues behind the poll's answer: the bytes on the
 * wire never mix. Its echo and answer reach listeners as {@link SessionListener#heapPollLine}, not as
 * console lines; the transcript keeps every byte.
 *
 * <p>Where the link has a {@link HeapCounter} (the virtual board), the poll reads the counter
 * {@code node.heap()} reads instead of running Lua: a Lua poll's own garbage (its result string, 28 bytes
 * on the virtual board) would otherwise pile up until the collector's next cycle, a slope on the Timeline
 * that is not the user's. A real board keeps {@code =node.heap()}.
 */
final class HeapPolling {
    static final String POLL = "=node.heap()";
    private static final long COUNTER_TIMEOUT_MILLIS = 5_000;

    private final SessionCore core;
    private ScheduledFuture<?> every;
    private boolean counterRead; // a read of the heap counter is under way
    private int luaPolls; // =node.heap() sent and not answered
    private boolean awaitingAnswer; // a poll's echo came: the number after it is its answer
    private int holds; // guided hunts under way: scheduled Lua polls wait

    HeapPolling(SessionCore core) {
        this.core = core;
    }

    CompletableFuture<HeapSample> pollNow() {
        CompletableFuture<HeapSample> result = new CompletableFuture<>();
        core.thread().execute(() -> poll(result));
        return result;
    }

    /** Polls every {@code intervalMillis} when a poll can mix with nothing; 0 stops. */
    void pollEvery(long intervalMillis) {
        core.thread().execute(() -> {
            if (every != null) {
                every.cancel(false);
                every = null;
            }
            if (intervalMillis > 0) {
                every = core.thread().scheduleWithFixedDelay(() -> {
                    boolean luaHeld = holds > 0 && core.link().transport().heapCounter().isEmpty();
                    if (!counterRead && !luaHeld && core.readyForPoll()) {
                        poll(new CompletableFuture<>());
                    }
                }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Session thread. Holds (or releases one hold of) the scheduled polls that would run Lua. */
    void hold(boolean held) {
        holds = Math.max(0, holds + (held ? 1 : -1));
    }

    /** Hands a console line to the listeners: as a poll's line when it is this poll's echo or answer. */
    void deliver(String line, long hostMillis, Collection<SessionListener> listeners) {
        boolean own = ownsLine(line);
        for (SessionListener listener : listeners) {
            if (own) {
                listener.heapPollLine(line, hostMillis);
            } else {
                listener.consoleLine(line, hostMillis);
            }
        }
    }

    private void poll(CompletableFuture<HeapSample> result) {
        HeapCounter counter = core.link().transport().heapCounter().orElse(null);
        if (counter != null) {
            counterRead = true;
            counter.freeBytes().orTimeout(COUNTER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((bytes, error) -> {
                        counterRead = false;
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else {
                            sampled(new HeapSample(SessionCore.now(), bytes), result);
                        }
                    }, core.thread());
            return;
        }
        luaPolls++; // the console refuses it while the board shows >> (the user's chunk is unfinished)
        core.send(POLL).whenComplete((answer, error) -> {
            luaPolls--;
            awaitingAnswer = false;
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
            sampled(sample, result);
        });
    }

    private void sampled(HeapSample sample, CompletableFuture<HeapSample> result) {
        core.record().addSample(sample);
        core.forEachListener(l -> l.heapSampled(sample));
        result.complete(sample);
    }

    /** The poll's echo ({@code > =node.heap()}) and the number after it; anything else the board prints shows. */
    private boolean ownsLine(String line) {
        if (luaPolls == 0) {
            return false;
        }
        if (!awaitingAnswer && withoutPrompt(line).equals(POLL)) {
            awaitingAnswer = true;
            return true;
        }
        if (awaitingAnswer && HeapReading.isNumber(line)) {
            awaitingAnswer = false;
            return true;
        }
        return false;
    }

    private static String withoutPrompt(String line) {
        String text = line;
        while (text.startsWith(">")) {
            text = text.substring(1);
        }
        return text.strip();
    }
}
