package dev.heapscope.ui;

import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.TraceState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTextsTest {

    @Test
    void theTraceIsSaidInWords() {
        assertThat(StatusTexts.link(ConnectionState.CONNECTED, TraceState.TRACING, TraceMode.ALL))
                .isEqualTo("connected · tracing all allocations");
        assertThat(StatusTexts.link(ConnectionState.CONNECTED, TraceState.TRACING, TraceMode.LEAKS))
                .isEqualTo("connected · tracing leaks");
        assertThat(StatusTexts.link(ConnectionState.BOARD_LOST, TraceState.STOPPED, TraceMode.LEAKS))
                .isEqualTo("board lost · stopped tracing leaks");
        assertThat(StatusTexts.link(ConnectionState.CONNECTED, TraceState.NO_BUFFER, null)).isEqualTo("connected · no trace buffer");
        assertThat(StatusTexts.link(ConnectionState.CONNECTED, TraceState.INITIALIZED, null))
                .isEqualTo("connected · trace buffer ready");
        assertThat(StatusTexts.link(ConnectionState.DISCONNECTED, TraceState.UNKNOWN, null)).isEqualTo("disconnected");
    }

    @Test
    void noDumpOfTheCurrentTraceSaysNothing() {
        assertThat(StatusTexts.buffer(java.util.List.of())).isEmpty();
        assertThat(StatusTexts.warning(java.util.List.of())).isEmpty();
    }
}
