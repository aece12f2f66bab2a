package dev.heapscope.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a node as a PNG under target/screenshots (FX thread only). */
final class ViewSnapshots {
    static final Path FOLDER = Path.of(System.getProperty("heapscope.project.dir", "."), "target", "screenshots");

    private ViewSnapshots() {
    }

    static Path write(Node node, String name) throws IOException {
        Files.createDirectories(FOLDER);
        WritableImage image = node.snapshot(null, null);
        Path file = FOLDER.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
