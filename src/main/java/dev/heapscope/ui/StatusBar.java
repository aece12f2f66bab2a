package dev.heapscope.ui;

import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.Locale;

/** Connection and trace state, free heap and its minimum, buffer use, overflow warnings, resets, the last message. */
final class StatusBar extends HBox {
    private final Label link = new Label("disconnected");
    private final Label heap = new Label();
    private final Label buffer = new Label();
    private final Label warning = new Label();
    private final Label resets = new Label();
    private final Label message = new Label();

    StatusBar(SessionViewModel session) {
        getStyleClass().add("status-bar");
        warning.getStyleClass().add("status-warning");
        message.setId("status-message");
        link.setId("status-link");
        heap.setId("status-heap");
        message.textProperty().bind(session.messageProperty());
        getChildren().addAll(link, heap, buffer, resets, warning, message);
        session.snapshotProperty().addListener((obs, old, now) -> show(now));
        session.connectionProperty().addListener((obs, old, now) -> {
            if (now == dev.heapscope.session.ConnectionState.DISCONNECTED) {
                link.setText("disconnected");
            }
        });
    }

    private void show(SessionSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        link.setText(word(snapshot.connection().name()) + " · trace " + word(snapshot.trace().name())
                + (snapshot.mode() != null ? " (" + snapshot.mode().word() + ")" : ""));
        heap.setText("");
        if (!snapshot.samples().isEmpty()) {
            long last = snapshot.samples().get(snapshot.samples().size() - 1).freeBytes();
            long min = snapshot.samples().stream().mapToLong(HeapSample::freeBytes).min().orElse(last);
            heap.setText(String.format("free heap %,d B (min %,d)", last, min));
        }
        buffer.setText(""); // a new session's first snapshot has no dump: nothing of the old one stays
        warning.setText("");
        if (!snapshot.dumps().isEmpty()) {
            Dump dump = snapshot.dumps().get(snapshot.dumps().size() - 1);
            Integer capacity = dump.summary() != null && dump.summary().capacity() != null ? dump.summary().capacity()
                    : dump.header() != null ? Integer.valueOf(dump.header().capacity()) : null;
            buffer.setText("records " + dump.records().size() + (capacity != null ? "/" + capacity : ""));
            boolean overflow = snapshot.dumps().stream().anyMatch(d -> d.summary() != null && d.summary().overflowed());
            boolean cut = snapshot.dumps().stream().anyMatch(d -> !d.complete());
            warning.setText(overflow ? "buffer overflowed: records were lost, init a larger buffer"
                    : cut ? "a dump was cut short" : "");
        }
        long resetCount = snapshot.markers().stream().filter(m -> m.kind() == Marker.Kind.RESET).count();
        // The first banner is the boot itself, not a reset the user should worry about.
        resets.setText(resetCount > 1 ? (resetCount - 1) + " board reset(s)" : "");
    }

    private static String word(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
