package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A stack of 10,000 frames (a runaway recursion on the board) exports as SVG and PNG; once it overflowed the Java stack. */
class DeepFlameExportTest {

    @Test
    void aTenThousandFrameChainExportsAsSvgAndPng(@TempDir Path dir) throws Exception {
        StringBuilder chain = new StringBuilder("main"); // short names: the whole line fits the 64 KiB the input kind is told by
        for (int k = 1; k < 10_000; k++) {
            chain.append(";r").append(k);
        }
        Path folded = dir.resolve("deep.folded");
        Files.writeString(folded, chain + " 4096\nidle 1\n", StandardCharsets.UTF_8);
        CliRunner svg = CliRunner.run("export", folded.toString(), "--format", "svg");
        assertThat(svg.exitCode()).as(svg.err()).isZero();
        assertThat(svg.out()).contains("<title>r9999\n4096 bytes").endsWith("</svg>\n");
        Path png = dir.resolve("deep.png");
        CliRunner image = CliRunner.run("export", folded.toString(), "--format", "png", "-o", png.toString());
        assertThat(image.exitCode()).as(image.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1600);
    }
}
