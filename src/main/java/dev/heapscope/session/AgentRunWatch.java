package dev.heapscope.session;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What a caller sees of an agent run while it goes, and how it stops one: the count of object lines received so
 * far (for a progress line; the snapshot itself is the reader's), and a cancel that keeps what arrived as an
 * incomplete snapshot. The board is not told: it finishes its walk and the rest of its lines go to the console.
 */
public final class AgentRunWatch {
    private static final java.util.regex.Pattern AFTER_PROMPT = java.util.regex.Pattern.compile("[> ]*~HO ");
    private final AtomicInteger objects = new AtomicInteger();
    private final IntConsumer onObjects;
    private final AtomicReference<String> cancelled = new AtomicReference<>();
    private volatile Consumer<String> cut;

    /** {@code onObjects}: told the count after each object line, on the session thread; keep it short. */
    public AgentRunWatch(IntConsumer onObjects) {
        this.onObjects = onObjects;
    }

    public AgentRunWatch() {
        this(count -> { });
    }

    public int objects() {
        return objects.get();
    }

    /** Stops waiting for the agent: the snapshot ends here, marked incomplete with {@code why}. Any thread; once. */
    public void cancel(String why) {
        if (cancelled.compareAndSet(null, why) && cut != null) {
            cut.accept(why);
        }
    }

    public boolean isCancelled() {
        return cancelled.get() != null;
    }

    void sawLine(String line) {
        // the agent's lines may follow the prompt on the same console line ("> ~HO 1 0 table 56 _G")
        if (line.startsWith("~HO ") || AFTER_PROMPT.matcher(line).lookingAt()) {
            onObjects.accept(objects.incrementAndGet());
        }
    }

    void onCancel(Consumer<String> cutter) {
        cut = cutter;
        String why = cancelled.get();
        if (why != null) { // cancelled before the run began
            cutter.accept(why);
        }
    }
}
