package dev.heapscope.ui;

import dev.heapscope.sim.BoardProfile;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection bar: the virtual board by default, its profile, disconnect and reconnect, a port that is not there. */
class ConnectionBarUiTest extends WindowTestBase {
    private static final String NO_SUCH_PORT = "/dev/ttyNOPE9";

    @Override
    boolean connectsOnOpen() {
        return false;
    }

    @Test
    void connectReachesTheVirtualBoardAndTheStateLabelFollowsTheLink() throws Exception {
        assertThat(text("#connection-state")).isEqualTo("disconnected");
        assertThat(onFx(() -> robot.lookup("#connection-target").queryAs(javafx.scene.control.ChoiceBox.class).getValue()))
                .isEqualTo(ConnectionBar.SIMULATOR);
        assertThat(onFx(() -> robot.lookup("#board-profile").queryComboBox().getValue())).isEqualTo(BOARD);
        assertThat(disabled("#disconnect")).isTrue();
        assertThat(disabled("#hunt")).as("nothing to hunt on yet").isTrue();
        List<String> states = statesShown();

        robot.clickOn("#connect");
        waitUntil("connected", () -> "connected".equals(states.get(states.size() - 1)));
        assertThat(states).containsSubsequence("disconnected", "connecting", "connected");
        waitUntil("the connection announced", () -> status().equals("Connected to the virtual board " + BOARD));
        waitUntil("the hunt offered", () -> !disabled("#hunt"));
        assertThat(disabled("#disconnect")).isFalse();

        robot.clickOn("#disconnect");
        waitUntil("disconnected", () -> text("#connection-state").equals("disconnected"));
        assertThat(text("#status-link")).isEqualTo("disconnected");
        for (String verb : List.of("#init", "#start", "#dump", "#gc", "#hunt", "#disconnect")) {
            assertThat(disabled(verb)).as(verb + " without a board").isTrue();
        }

        robot.clickOn("#connect");
        waitUntil("connected again", () -> text("#connection-state").equals("connected") && !disabled("#hunt"));
        assertThat(states).containsSubsequence("connected", "disconnected", "connecting", "connected");
    }

    @Test
    void theBoardProfileChosenIsTheBoardConnected() throws Exception {
        String legacy = "esp32-idf44-legacy";
        robot.clickOn("#board-profile").clickOn(legacy);
        robot.clickOn("#connect");
        waitUntil("the legacy board connected", () -> status().equals("Connected to the virtual board " + legacy));
        int bytesPerRecord = BoardProfile.load(legacy).recordBytes();
        assertThat(bytesPerRecord).isNotEqualTo(BoardProfile.load(BOARD).recordBytes());
        waitUntil("the buffer's cost on this board", () -> text("#buffer-cost")
                .equals(String.format("= %,d B", 500 * bytesPerRecord)));
        waitUntil("its boot banner in the console",
                () -> consoleLines().contains("I (29) boot: ESP-IDF v4.4.7 2nd stage bootloader"));
    }

    @Test
    void aSerialPortThatIsNotThereFailsInOneLineAndTheWindowStaysUsable() throws Exception {
        robot.clickOn("#connection-target").clickOn(ConnectionBar.SERIAL);
        assertThat(visible("#board-profile")).isFalse();
        assertThat(visible("#serial-port")).isTrue();
        robot.clickOn("#serial-port").push(KeyCode.CONTROL, KeyCode.A).write(NO_SUCH_PORT);
        robot.clickOn("#connect");

        waitUntil("the failure reported", () -> status().startsWith("Connection failed: "));
        assertThat(status()).contains(" " + NO_SUCH_PORT + ":").doesNotContain("\n").doesNotContain("Exception");
        assertThat(text("#connection-state")).isEqualTo("disconnected");
        assertThat(disabled("#connect")).isFalse();

        robot.clickOn("#connection-target").clickOn(ConnectionBar.SIMULATOR);
        robot.clickOn("#connect");
        waitUntil("the virtual board connected after all", () -> text("#connection-state").equals("connected")
                && status().equals("Connected to the virtual board " + BOARD));
    }

    /** Every text the state label shows from now on, in order. */
    private List<String> statesShown() throws Exception {
        List<String> states = new CopyOnWriteArrayList<>();
        onFx(() -> {
            Label label = robot.lookup("#connection-state").queryAs(Label.class);
            states.add(label.getText());
            label.textProperty().addListener((obs, old, now) -> states.add(now));
            return null;
        });
        return states;
    }
}
