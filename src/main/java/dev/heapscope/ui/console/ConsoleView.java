package dev.heapscope.ui.console;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.function.Consumer;

/** The board's console: every line it printed (a virtualised list), and a Lua command line with history. */
public final class ConsoleView extends BorderPane {
    private final ListView<String> lines;
    private final TextField command = new TextField();
    private final CommandHistory history = new CommandHistory(200);
    private final CheckBox follow = new CheckBox("Follow");

    public ConsoleView(ObservableList<String> transcript, Consumer<String> send) {
        lines = new ListView<>(transcript);
        lines.setId("console-lines");
        lines.getStyleClass().add("console-list");
        lines.setFixedCellSize(18);
        command.setId("console-command");
        command.setPromptText("Lua to send, e.g. =node.heap()   (Enter sends, Up/Down browse history)");
        follow.setSelected(true);
        transcript.addListener((ListChangeListener<String>) change -> {
            if (follow.isSelected() && !transcript.isEmpty()) {
                lines.scrollTo(transcript.size() - 1);
            }
        });
        command.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.UP) {
                command.setText(history.older(command.getText()));
                command.end();
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN) {
                command.setText(history.newer());
                command.end();
                event.consume();
            }
        });
        command.setOnAction(event -> {
            String lua = command.getText();
            if (!lua.isBlank()) {
                history.add(lua);
                send.accept(lua);
                command.clear();
            }
        });
        Button sendButton = new Button("Send");
        sendButton.setOnAction(event -> command.fireEvent(new javafx.event.ActionEvent()));
        HBox.setHgrow(command, Priority.ALWAYS);
        HBox bottom = new HBox(6, new Label("Lua"), command, sendButton, follow);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 6, 4, 6));
        setCenter(lines);
        setBottom(bottom);
    }

    public TextField commandField() {
        return command;
    }
}
