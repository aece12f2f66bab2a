package dev.heapscope.sim.lib;

import dev.heapscope.model.TraceMode;

/**
 * ESP-IDF's standalone heap trace API as the NodeMCU {@code heaptrace} module calls it. Each call
 * returns an {@code esp_err_t}: {@link #ESP_OK}, {@link #ESP_ERR_INVALID_STATE} (259) or
 * {@link #ESP_ERR_INVALID_ARG} (258), {@link #ESP_ERR_NO_MEM} (257). Owned by the board thread.
 */
public interface TraceControl {
    int ESP_OK = 0;
    int ESP_ERR_NO_MEM = 0x101;
    int ESP_ERR_INVALID_ARG = 0x102;
    int ESP_ERR_INVALID_STATE = 0x103;

    /** {@code heap_trace_init_standalone}: a buffer of {@code records} entries (taken from the heap). */
    int init(int records);

    /** {@code heap_trace_start}: clears the buffer and counters, keeps the high-water mark. */
    int start(TraceMode mode);

    int stop();

    int resume();

    /** {@code heap_trace_dump}: prints the dump, byte for byte, in the board's dialect. */
    void dump(Appendable out);

    boolean isTracing();

    /** The records a dump would print as alive now (for attaching retaining paths to them). */
    default java.util.List<dev.heapscope.model.Record> liveRecords() {
        return java.util.List.of();
    }
}
