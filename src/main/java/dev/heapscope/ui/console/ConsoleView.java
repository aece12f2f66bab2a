package dev.heapscope.ui.console;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
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

/**
 * The board's console: every line it printed (a virtualised list), and a Lua command line with history.
 * Heap polls' lines are hidden unless "Show heap polls" is ticked: a poll a second would bury the console.
 */
public final class ConsoleView extends BorderPane {
    private final ListView<ConsoleLine> lines;
    private final TextField command = new TextField();
    private final CommandHistory history = new CommandHistory(200);
    private final CheckBox follow = new CheckBox("Follow");
    private final CheckBox showPolls = new CheckBox("Show heap polls");

    public ConsoleView(ObservableList<ConsoleLine> transcript, Consumer<String> send) {
        FilteredList<ConsoleLine> shown = new FilteredList<>(transcript, line -> !line.heapPoll());
        showPolls.setId("console-show-polls");
        showPolls.selectedProperty().addListener((obs, was, now) ->
                shown.setPredicate(now ? line -> true : line -> !line.heapPoll()));
        lines = new ListView<>(shown);
        lines.setCellFactory(list -> new ConsoleLineCell());
        lines.setId("console-lines");
        lines.getStyleClass().add("console-list");
        lines.setFixedCellSize(18);
        command.setId("console-command");
        command.setPromptText("Lua to send, e.g. =node.heap()   (Enter sends, Up/Down browse history)");
        follow.setSelected(true);
        shown.addListener((ListChangeListener<ConsoleLine>) change -> {
            if (follow.isSelected() && !shown.isEmpty()) {
                lines.scrollTo(shown.size() - 1);
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
        HBox bottom = new HBox(6, new Label("Lua"), command, sendButton, follow, showPolls);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 6, 4, 6));
        setCenter(lines);
        setBottom(bottom);
    }

    public TextField commandField() {
        return command;
    }

    /** The lines the console shows now (heap polls only when asked for). */
    public java.util.List<String> shownLines() {
        return lines.getItems().stream().map(ConsoleLine::text).toList();
    }

    /** A poll's line, when shown, is set apart (dimmed) from what the user and the board said. */
    private static final class ConsoleLineCell extends javafx.scene.control.ListCell<ConsoleLine> {
        @Override
        protected void updateItem(ConsoleLine item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.text());
            getStyleClass().remove("console-poll-line");
            if (!empty && item != null && item.heapPoll()) {
                getStyleClass().add("console-poll-line");
            }
        }
    }
}
