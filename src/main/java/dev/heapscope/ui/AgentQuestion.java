package dev.heapscope.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

import java.util.concurrent.CompletableFuture;

/** Asks before a long agent snapshot: the wire is busy the whole time and the board's console with it. */
final class AgentQuestion {
    static final ButtonType GO = new ButtonType("Take snapshot", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType STOP = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private AgentQuestion() {
    }

    /** FX thread; does not block it: completes with true to go on. */
    static CompletableFuture<Boolean> ask(String estimate) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", GO, STOP);
        alert.setTitle("Heap snapshot by the agent");
        alert.setHeaderText("This snapshot will take a while");
        alert.setContentText("The agent is uploaded to the board, walks its Lua heap and prints every object: "
                + estimate + ". The console is busy meanwhile; you can cancel while it runs and keep what arrived.");
        alert.getDialogPane().setId("agent-question");
        // owned by the window the user asked in: it stays on top of it, and the focus goes back there after
        javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isFocused).findFirst()
                .ifPresent(alert::initOwner);
        alert.getDialogPane().setMinWidth(460);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        alert.setOnHidden(e -> answer.complete(alert.getResult() == GO));
        alert.show();
        return answer;
    }
}
