package dev.heapscope.ui;

import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;

import java.util.List;
import java.util.Locale;

/**
 * The status bar's words for a snapshot. Buffer use and overflow speak of the current trace only
 * (the dumps since the last {@code init} or board reset): an overflow of an earlier trace is history,
 * not a warning about the buffer in use now.
 */
final class StatusTexts {
    private StatusTexts() {
    }

    /** "connected · tracing leaks", "connected · no trace buffer"… */
    static String link(ConnectionState connection, TraceState trace, TraceMode mode) {
        String link = connection.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (connection == ConnectionState.DISCONNECTED && trace == TraceState.UNKNOWN) {
            return link;
        }
        return link + " · " + trace(trace, mode);
    }

    static String trace(TraceState trace, TraceMode mode) {
        return switch (trace) {
            case UNKNOWN -> "trace state unknown";
            case NO_BUFFER -> "no trace buffer";
            case INITIALIZED -> "trace buffer ready";
            case TRACING -> tracing(mode);
            case STOPPED -> "stopped " + tracing(mode);
        };
    }

    private static String tracing(TraceMode mode) {
        return mode == TraceMode.ALL ? "tracing all allocations" : mode == TraceMode.LEAKS ? "tracing leaks" : "tracing";
    }

    /** The dumps of the trace buffer in use: those received since the last init or reset (all, when times are unknown). */
    static List<Dump> currentTrace(SessionSnapshot snapshot) {
        long since = Long.MIN_VALUE;
        for (Marker marker : snapshot.markers()) {
            if (marker.kind() == Marker.Kind.INIT || marker.kind() == Marker.Kind.RESET) {
                since = Math.max(since, marker.hostMillis());
            }
        }
        long start = since;
        return snapshot.dumps().stream().filter(d -> d.receivedAtMillis() < 0 || d.receivedAtMillis() >= start).toList();
    }

    /** "records 42/500" of the current trace's last dump, or "" when it has none yet. */
    static String buffer(List<Dump> current) {
        if (current.isEmpty()) {
            return "";
        }
        Dump dump = current.get(current.size() - 1);
        Integer capacity = dump.summary() != null && dump.summary().capacity() != null ? dump.summary().capacity()
                : dump.header() != null ? Integer.valueOf(dump.header().capacity()) : null;
        return "records " + dump.records().size() + (capacity != null ? "/" + capacity : "");
    }

    /** The current trace's overflow or cut dump, or "". */
    static String warning(List<Dump> current) {
        boolean overflow = current.stream().anyMatch(d -> d.summary() != null && d.summary().overflowed());
        boolean cut = current.stream().anyMatch(d -> !d.complete());
        return overflow ? "buffer overflowed: records were lost, init a larger buffer"
                : cut ? "a dump was cut short" : "";
    }
}
