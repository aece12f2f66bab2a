package dev.heapscope.session;

import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.LineEvent;
import dev.heapscope.model.Symbol;
import dev.heapscope.model.TraceMode;

import java.util.List;

/**
 * An immutable copy of a session at one moment.
 *
 * @param board            what the session is connected to ("Simulator (esp32-devkitc)", "/dev/ttyUSB0")
 * @param mode             mode of the last start, or null
 * @param commands         Lua sent, in order
 * @param events           what the board said about itself so far (boots, resets, crashes, its firmware
 *                         digest), numbered by line of the transcript, kept as a parsed log keeps them
 * @param bytesReceived    size of the raw transcript
 */
public record SessionSnapshot(ConnectionState connection, TraceState trace, TraceMode mode, String board,
                              List<Dump> dumps, List<HeapSample> samples, List<Marker> markers,
                              List<SentCommand> commands, List<Symbol> symbols, List<LineEvent> events,
                              long bytesReceived) {

    /** One command as sent, with its host time. */
    public record SentCommand(String lua, long hostMillis) {
    }

    public SessionSnapshot {
        dumps = List.copyOf(dumps);
        samples = List.copyOf(samples);
        markers = List.copyOf(markers);
        commands = List.copyOf(commands);
        symbols = List.copyOf(symbols);
        events = List.copyOf(events);
    }
}
