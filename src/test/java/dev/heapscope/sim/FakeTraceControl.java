package dev.heapscope.sim;

import dev.heapscope.sim.lib.TraceControl;
import dev.heapscope.model.TraceMode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Follows ESP-IDF's documented return codes; its dump is a recognisable marker. */
final class FakeTraceControl implements TraceControl {
    int records;
    boolean tracing;
    boolean started;
    TraceMode mode;

    @Override
    public int init(int count) {
        if (tracing) {
            return ESP_ERR_INVALID_STATE;
        }
        records = count;
        return ESP_OK;
    }

    @Override
    public int start(TraceMode traceMode) {
        if (records == 0) {
            return ESP_ERR_INVALID_STATE;
        }
        mode = traceMode;
        tracing = true;
        started = true;
        return ESP_OK;
    }

    @Override
    public int stop() {
        if (!tracing) {
            return ESP_ERR_INVALID_STATE;
        }
        tracing = false;
        return ESP_OK;
    }

    @Override
    public int resume() {
        if (tracing || records == 0) {
            return ESP_ERR_INVALID_STATE;
        }
        tracing = true;
        return ESP_OK;
    }

    @Override
    public void dump(Appendable out) {
        try {
            out.append("====== Heap Trace: 0 records (" + records + " capacity) ======\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isTracing() {
        return tracing;
    }
}
