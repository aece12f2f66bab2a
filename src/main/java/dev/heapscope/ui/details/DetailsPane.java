package dev.heapscope.ui.details;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;

/**
 * The collapsible pane beside the views (F3 or Ctrl+J): the whole chain of the selected leak row or flame
 * frame, what holds it and its Lua source. Text, so it can be selected and copied.
 */
public final class DetailsPane extends BorderPane {
    private static final String NOTHING = "Select a leak row or click a flame-graph frame to see its whole call "
            + "chain, what holds it, and the Lua source around each Lua frame.";
    private final TextArea text = new TextArea(NOTHING);

    public DetailsPane() {
        setId("details-pane");
        text.setId("details-text");
        text.setEditable(false);
        text.setWrapText(false);
        text.setStyle("-fx-font-family: monospace;");
        Button copy = new Button("Copy");
        copy.setId("details-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label title = new Label("Details");
        title.getStyleClass().add("view-title");
        setTop(new ToolBar(title, copy));
        setCenter(text);
        setPadding(new Insets(0));
        setMinWidth(0);
    }

    public void show(String details) {
        text.setText(details == null || details.isBlank() ? NOTHING : details);
        text.positionCaret(0);
    }

    public void clear() {
        show(null);
    }

    public String shownText() {
        return text.getText();
    }
}
