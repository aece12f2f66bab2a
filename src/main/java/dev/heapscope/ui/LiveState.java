package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import dev.heapscope.ui.console.ConsoleLine;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * What the views show of the session, as properties: the last snapshot, the link and trace states, the
 * console lines and the status message. Written only on the FX executor, by the {@link SnapshotPump}.
 */
final class LiveState implements SnapshotPump.Sink {
    static final int MAX_CONSOLE_LINES = 20_000;

    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<TraceState> trace = new ReadOnlyObjectWrapper<>(TraceState.UNKNOWN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<ConsoleLine> consoleLines = FXCollections.observableArrayList();

    @Override
    public void snapshot(SessionSnapshot next) {
        snapshot.set(next);
        connection.set(next.connection());
        trace.set(next.trace());
    }

    /** A saved session: its snapshot, without touching the link state. */
    void showSaved(SessionSnapshot saved) {
        snapshot.set(saved);
        trace.set(saved.trace());
    }

    void connection(ConnectionState state) {
        connection.set(state);
    }

    @Override
    public void consoleLines(List<ConsoleLine> lines) {
        consoleLines.addAll(lines);
        int excess = consoleLines.size() - MAX_CONSOLE_LINES;
        if (excess > 0) {
            consoleLines.remove(0, excess); // a long session must not grow the window's memory without bound
        }
    }

    @Override
    public void notice(String text) {
        message.set(text);
    }

    ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<TraceState> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Every line, heap polls' included (the console view hides those unless asked). */
    ObservableList<ConsoleLine> consoleLines() {
        return consoleLines;
    }
}
