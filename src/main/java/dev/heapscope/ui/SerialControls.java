package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.transport.serial.PortWatcher;
import dev.heapscope.transport.serial.SerialPortInfo;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

import java.util.List;

/**
 * The serial side of the connection bar: the port (listed with USB descriptions and refreshed when
 * a cable is plugged or pulled; pseudo-terminals are typed by path), the baud rate, and once
 * connected the board's reset line and a console-speed switch.
 */
final class SerialControls {
    static final List<Integer> BAUD_RATES = List.of(115_200, 230_400, 460_800, 921_600);

    private final ComboBox<String> port = new ComboBox<>();
    private final ComboBox<Integer> baud = new ComboBox<>();
    private final Button reset = new Button("Reset board");
    private final ComboBox<Integer> speed = new ComboBox<>();
    private final Button switchSpeed = new Button("Switch speed");
    private final Button elf = new Button("ELF…");
    private final PortWatcher watcher;

    SerialControls(SessionViewModel session) {
        port.setEditable(true);
        port.setId("serial-port");
        port.setPromptText("/dev/ttyUSB0");
        port.setPrefWidth(180); // with the serial controls the connection bar still fits a 1024-pixel window
        port.setTooltip(new Tooltip("Ports are listed as they are plugged in; type a path for a pseudo-terminal "
                + "(heapscope sim --pty LINK)"));
        baud.getItems().setAll(BAUD_RATES);
        baud.setValue(115_200);
        speed.getItems().setAll(BAUD_RATES);
        speed.setValue(921_600);
        speed.setTooltip(new Tooltip("uart.setup on the board, then HeapScope follows: long dumps print faster and "
                + "are less likely to trip the interrupt watchdog"));
        reset.setTooltip(new Tooltip("Pulses RTS, as the dev board's auto-reset circuit expects"));
        BooleanBinding connected = Bindings.createBooleanBinding(() ->
                session.connectionProperty().get() == ConnectionState.CONNECTED && session.profileProperty().get() == null,
                session.connectionProperty(), session.profileProperty());
        elf.setTooltip(new Tooltip("The firmware's ELF file, for function names and source lines (remembered per port)"));
        elf.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Firmware ELF of the board on " + portPath());
            chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("ELF files", "*.elf"),
                    new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
            java.io.File chosen = chooser.showOpenDialog(elf.getScene() == null ? null : elf.getScene().getWindow());
            if (chosen != null) {
                session.names().use(chosen.toPath());
            }
        });
        for (Node node : List.of(reset, speed, switchSpeed, elf)) {
            node.disableProperty().bind(connected.not());
        }
        reset.setOnAction(e -> session.resetBoard());
        switchSpeed.setOnAction(e -> session.changeBaudRate(speed.getValue()));
        watcher = PortWatcher.start(1_000, ports -> Platform.runLater(() -> show(ports)));
    }

    /** The path to open: a listed port's path, or what the user typed. */
    String portPath() {
        String typed = port.getEditor().getText() == null ? "" : port.getEditor().getText().strip();
        return typed.contains(" — ") ? typed.substring(0, typed.indexOf(" — ")) : typed;
    }

    int baudRate() {
        return baud.getValue() == null ? 115_200 : baud.getValue();
    }

    List<Node> beforeConnect() {
        return List.of(port, baud);
    }

    List<Node> afterConnect() {
        return List.of(elf, reset, speed, switchSpeed);
    }

    void close() {
        watcher.close();
    }

    private void show(List<SerialPortInfo> ports) {
        String typed = port.getEditor().getText();
        port.getItems().setAll(ports.stream().map(p -> p.path() + " — " + p.label()).toList());
        port.getEditor().setText(typed);
        if ((typed == null || typed.isBlank()) && !ports.isEmpty()) {
            port.getEditor().setText(ports.get(0).path());
        }
    }
}
