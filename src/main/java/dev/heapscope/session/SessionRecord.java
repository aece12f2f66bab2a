package dev.heapscope.session;

import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.LineEvent;
import dev.heapscope.model.Symbol;
import dev.heapscope.model.TraceMode;
import dev.heapscope.parse.BoardEvents;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Everything a session has seen, held on the session thread. */
final class SessionRecord {
    private final List<Dump> dumps = new ArrayList<>();
    private final List<HeapSample> samples = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<SessionSnapshot.SentCommand> commands = new ArrayList<>();
    private final List<Symbol> symbols = new ArrayList<>();
    private final BoardEvents events = new BoardEvents(); // the rules a log file's ParsedLog is read by
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

    void addReceived(byte[] bytes, long hostMillis) {
        transcript.write(bytes, 0, bytes.length);
    }

    void addDump(Dump dump) {
        dumps.add(dump);
    }

    void addSample(HeapSample sample) {
        samples.add(sample);
    }

    void addMarker(Marker marker) {
        markers.add(marker);
    }

    void addCommand(String lua, long hostMillis) {
        commands.add(new SessionSnapshot.SentCommand(lua, hostMillis));
    }

    void addSymbol(Symbol symbol) {
        symbols.add(symbol);
    }

    void addEvent(LineEvent event) {
        events.add(event);
    }

    /** The deepest chain seen in the last dump (a lower bound of the board's configured depth), else 2. */
    int typicalDepth() {
        if (dumps.isEmpty()) {
            return 2;
        }
        int depth = 2;
        for (dev.heapscope.model.Record r : lastDump().records()) {
            depth = Math.max(depth, r.caller().depth());
        }
        return depth;
    }

    int dumpCount() {
        return dumps.size();
    }

    Dump lastDump() {
        return dumps.get(dumps.size() - 1);
    }

    /** Every byte the board sent, in order. */
    byte[] transcript() {
        return transcript.toByteArray();
    }

    SessionSnapshot snapshot(ConnectionState connection, TraceState trace, TraceMode mode, String board) {
        return new SessionSnapshot(connection, trace, mode, board, dumps, samples, markers, commands, symbols,
                events.list(), transcript.size());
    }
}
