package dev.heapscope.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * PNG screenshots of a view or of the whole window, at screen or 2× scale, named after what and
 * when: {@code heapscope-flame-graph-20261125-013012@2x.png}. FX thread (snapshots need it).
 */
public final class Screenshots {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Screenshots() {
    }

    /** Writes {@code node} as a PNG into {@code folder}; returns the file. */
    public static Path save(Node node, String what, double scale, Path folder) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(parameters, null);
        Files.createDirectories(folder);
        String name = "heapscope-" + what.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                + LocalDateTime.now().format(STAMP) + (scale == 1 ? "" : "@" + (int) scale + "x") + ".png";
        Path file = folder.resolve(name);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return file;
    }

    /** Saves the selected view (or the whole window) and says where, or why not, in the status line. */
    static Path saveAndSay(javafx.scene.control.TabPane tabs, Node window, boolean wholeWindow, double scale,
                           SessionViewModel session) {
        javafx.scene.control.Tab selected = tabs.getSelectionModel().getSelectedItem();
        Node node = wholeWindow || selected == null ? window : selected.getContent();
        String what = wholeWindow || selected == null ? "window" : selected.getText();
        try {
            Path file = save(node, what, scale, session.dataDirectory().screenshots());
            session.say("Screenshot saved: " + file);
            return file;
        } catch (IOException | RuntimeException e) {
            session.say("Screenshot failed: " + dev.heapscope.session.InputErrorText.describe(e));
            return null;
        }
    }
}
