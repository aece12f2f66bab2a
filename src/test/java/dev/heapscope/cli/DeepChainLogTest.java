package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain logs: one record whose chain has 4,000 frames (a 44 KB log that overflowed the
 * Java stack) or 75,000 (exit 2 with a negative number for a message) exports as PNG and SVG, and
 * reports, with bounded sizes.
 */
class DeepChainLogTest {

    private static Path chainLog(Path dir, int frames) throws Exception {
        StringBuilder log = new StringBuilder("1 allocations trace (100 entry buffer)\n"
                + "64 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller ");
        for (int i = 0; i < frames; i++) {
            log.append(i == 0 ? "" : ":").append(String.format("0x%08x", 0x400d0000 + 4 * i));
        }
        log.append("\n64 bytes 'leaked' in trace (1 allocations)\ntotal allocations 1 total frees 0\n");
        return Files.writeString(dir.resolve("chain-" + frames + ".log"), log, StandardCharsets.US_ASCII);
    }

    @Test
    void chainsOfFourThousandAndSeventyFiveThousandFramesExportAndReport(@TempDir Path dir) throws Exception {
        for (int frames : new int[] {4000, 75_000}) {
            Path log = chainLog(dir, frames);
            Path png = dir.resolve(frames + ".png");
            CliRunner image = CliRunner.run("export", log.toString(), "-f", "png", "-o", png.toString());
            assertThat(image.exitCode()).as(image.err()).isZero();
            BufferedImage read = ImageIO.read(png.toFile());
            assertThat(read.getWidth()).isEqualTo(1600);
            assertThat(read.getHeight()).isLessThan(4000);

            CliRunner svg = CliRunner.run("export", log.toString(), "-f", "svg");
            assertThat(svg.exitCode()).as(svg.err()).isZero();
            assertThat(svg.out().length()).isLessThan(4 << 20);
            if (frames > 12_000) {
                assertThat(svg.out()).contains("levels not drawn)");
            } else {
                assertThat(svg.out()).doesNotContain("not drawn").contains("<title>0x400d0000\n");
            }

            Path html = dir.resolve(frames + ".html");
            CliRunner report = CliRunner.run("report", log.toString(), "-o", html.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(Files.size(html)).isLessThan(20L << 20);
        }
    }
}
