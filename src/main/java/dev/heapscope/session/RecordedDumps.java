package dev.heapscope.session;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Symbol;
import dev.heapscope.parse.DumpListener;

import java.util.List;

/** What the parser finds goes into the session's record, and each dump to the listeners. Session thread. */
final class RecordedDumps implements DumpListener {
    private final SessionRecord record;
    private final List<SessionListener> listeners;

    RecordedDumps(SessionRecord record, List<SessionListener> listeners) {
        this.record = record;
        this.listeners = listeners;
    }

    @Override
    public void dumpParsed(Dump dump) {
        record.addDump(dump);
        listeners.forEach(l -> l.dumpReceived(dump));
    }

    @Override
    public void symbolFound(Symbol symbol) {
        record.addSymbol(symbol);
    }
}
