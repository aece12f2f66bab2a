package dev.heapscope.ui;

import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.List;

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
        buffer.setId("status-buffer");
        warning.setId("status-warning");
        message.textProperty().bind(session.messageProperty());
        // the last label gives way first in a narrow window: the whole sentence stays a hover away
        message.textProperty().addListener((obs, old, now) -> message.setTooltip(now == null || now.isEmpty() ? null
                : new javafx.scene.control.Tooltip(now)));
        getChildren().addAll(link, heap, buffer, resets, warning, message);
        // in a narrow window the message gives way (its tooltip keeps it whole), not the short state labels
        for (Label fixed : List.of(link, heap, buffer, resets, warning)) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        message.setMinWidth(0);
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
        link.setText(StatusTexts.link(snapshot.connection(), snapshot.trace(), snapshot.mode()));
        heap.setText("");
        if (!snapshot.samples().isEmpty()) {
            long last = snapshot.samples().get(snapshot.samples().size() - 1).freeBytes();
            long min = snapshot.samples().stream().mapToLong(HeapSample::freeBytes).min().orElse(last);
            heap.setText(String.format("free heap %,d B (min %,d)", last, min));
        }
        List<Dump> current = StatusTexts.currentTrace(snapshot);
        buffer.setText(StatusTexts.buffer(current));
        warning.setText(StatusTexts.warning(current));
        long resetCount = snapshot.markers().stream().filter(m -> m.kind() == Marker.Kind.RESET).count();
        // The first banner is the boot itself, not a reset the user should worry about.
        resets.setText(resetCount > 1 ? (resetCount - 1) + " board reset(s)" : "");
    }
}
