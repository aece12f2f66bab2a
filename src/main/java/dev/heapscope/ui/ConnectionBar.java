package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.sim.BoardProfile;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;

import java.util.List;

/** Target (virtual board with profile, or a serial port), Connect/Disconnect, the link state, then the hunt's workload. */
final class ConnectionBar extends ToolBar {
    static final String SIMULATOR = "Simulator";
    static final String SERIAL = "Serial";
    private final ChoiceBox<String> target = new ChoiceBox<>();
    private final ComboBox<String> profile = new ComboBox<>();
    private final SerialControls serial;

    ConnectionBar(SessionViewModel session, LaunchOptions options, UnsavedGuard unsaved) {
        target.getItems().setAll(SIMULATOR, SERIAL);
        target.setValue(SIMULATOR);
        target.setId("connection-target");
        profile.getItems().setAll(BoardProfile.available());
        profile.setValue(options.board());
        profile.setId("board-profile");
        serial = new SerialControls(session);
        Button connect = new Button("Connect");
        connect.setId("connect");
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnect");
        Label state = new Label();
        state.setId("connection-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> session.connectionProperty().get().name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', ' '), session.connectionProperty()));
        connect.setOnAction(e -> unsaved.replaceSession("connect", () -> {
            if (SIMULATOR.equals(target.getValue())) {
                session.connectSimulator(profile.getValue());
            } else {
                session.connectSerial(serial.portPath(), serial.baudRate());
            }
        }));
        disconnect.setOnAction(e -> session.disconnect());
        // connected: nothing to connect to (Disconnect first, or pick another target)
        connect.disableProperty().bind(Bindings.createBooleanBinding(() ->
                session.connectionProperty().get() == ConnectionState.CONNECTING
                        || session.connectionProperty().get() == ConnectionState.CONNECTED
                        || session.hunts().busyProperty().get(), session.connectionProperty(), session.hunts().busyProperty()));
        disconnect.disableProperty().bind(Bindings.createBooleanBinding(() ->
                session.connectionProperty().get() == ConnectionState.DISCONNECTED
                        || session.hunts().busyProperty().get(), session.connectionProperty(), session.hunts().busyProperty()));
        var simulator = Bindings.equal(SIMULATOR, target.valueProperty());
        profile.visibleProperty().bind(simulator);
        profile.managedProperty().bind(simulator);
        List<javafx.scene.Node> serialNodes = new java.util.ArrayList<>(serial.beforeConnect());
        serialNodes.addAll(serial.afterConnect());
        for (var node : serialNodes) {
            node.visibleProperty().bind(simulator.not());
            node.managedProperty().bind(simulator.not());
        }
        getItems().addAll(new Label("Target"), target, profile);
        getItems().addAll(serial.beforeConnect());
        getItems().addAll(connect, disconnect, state);
        getItems().addAll(serial.afterConnect());
    }


    /** {@link #SIMULATOR} or {@link #SERIAL}. */
    javafx.beans.property.ReadOnlyObjectProperty<String> targetProperty() {
        return target.valueProperty();
    }

    /** Stops watching the serial ports. */
    void close() {
        serial.close();
    }
}
