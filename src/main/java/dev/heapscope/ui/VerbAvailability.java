package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.TraceState;

/**
 * Which toolbar verbs make sense now, mirroring what the session would refuse. The session still
 * has the last word (it knows how many inits happened since boot); its refusal is shown when it differs.
 */
public record VerbAvailability(boolean init, boolean start, boolean stop, boolean resume, boolean dump,
                               boolean collectGarbage, boolean hunt) {

    public static VerbAvailability of(ConnectionState connection, TraceState trace, boolean busy) {
        if (connection != ConnectionState.CONNECTED || busy) {
            return new VerbAvailability(false, false, false, false, false, false, false);
        }
        boolean hasBuffer = trace != TraceState.NO_BUFFER;
        return new VerbAvailability(true,
                hasBuffer,
                trace == TraceState.TRACING || trace == TraceState.UNKNOWN,
                trace == TraceState.STOPPED || trace == TraceState.UNKNOWN,
                hasBuffer,
                true,
                true);
    }
}
