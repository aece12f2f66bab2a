package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlamePalette;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PngFlameWriterTest {
    private static CallTree tree() {
        return new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("main chunk (app.lua:9)", "handle_request (app.lua:16)"), 3000)
                .addStack(List.of("main chunk (app.lua:9)", "log (app.lua:30)"), 1000)
                .build();
    }

    private static BufferedImage render(double scale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int drawn = PngFlameWriter.write(tree(), "test", scale, out);
        assertThat(drawn).isEqualTo(4); // all, main chunk, handle_request, log
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void framesAreDrawnInProportionToTheirValue() throws Exception {
        BufferedImage image = render(1);
        assertThat(image.getWidth()).isEqualTo(1600);
        int leafRowY = 28 + 2 * 18 + 2; // above the label text
        int handleColour = image.getRGB(600, leafRowY);
        int logColour = image.getRGB(1400, leafRowY);
        assertThat(handleColour).isNotEqualTo(0xffffffff);
        assertThat(logColour).isNotEqualTo(0xffffffff).isNotEqualTo(handleColour);
        // handle_request covers 3/4 of the width: the boundary lies near x = 1200
        assertThat(image.getRGB(1190, leafRowY)).isEqualTo(handleColour);
        assertThat(image.getRGB(1210, leafRowY)).isEqualTo(logColour);
    }

    @Test
    void theRootSpansTheImageButItsLastPixelWhateverTheTotal() throws Exception {
        // 97 * (1600.0 / 97) is 1599.999…: scaled that way the root lost a pixel
        CallTree tree = new CallTree.Builder(Weight.BYTES).addStack(List.of("a"), 60).addStack(List.of("b"), 37).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngFlameWriter.write(tree, "t", 1, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image.getRGB(1598, 28 + 2) & 0xFFFFFF).isEqualTo(FlamePalette.LIGHT.frame("all").packed());
        assertThat(image.getRGB(1599, 28 + 2)).isEqualTo(0xffffffff);
    }

    @Test
    void twiceTheScaleIsTwiceTheSize() throws Exception {
        BufferedImage small = render(1);
        BufferedImage large = render(2);
        assertThat(large.getWidth()).isEqualTo(2 * small.getWidth());
        assertThat(large.getHeight()).isEqualTo(2 * small.getHeight());
    }

    @Test
    void framesArePaintedInTheirNamesPaletteColour() throws Exception {
        BufferedImage image = render(1);
        int leafRowY = 28 + 2 * 18 + 2; // above the label text
        assertThat(image.getRGB(600, leafRowY) & 0xFFFFFF)
                .isEqualTo(FlamePalette.LIGHT.frame("handle_request (app.lua:16)").packed());
        assertThat(image.getRGB(1400, leafRowY) & 0xFFFFFF)
                .isEqualTo(FlamePalette.LIGHT.frame("log (app.lua:30)").packed());
    }

    @Test
    void aChainOfTenThousandFramesIsDrawnWithoutRecursionDownToTheLastRow() throws Exception {
        List<String> chain = java.util.stream.IntStream.range(0, 10_000).mapToObj(k -> "f" + k).toList();
        CallTree tree = new CallTree.Builder(Weight.BYTES).addStack(chain, 64).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int drawn = PngFlameWriter.write(tree, "deep", 1, out);
        assertThat(drawn).isEqualTo(PngFlameWriter.MAX_ROWS);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image.getHeight()).isEqualTo(28 + PngFlameWriter.MAX_ROWS * 18 + 6);
        int lastRowY = 28 + (PngFlameWriter.MAX_ROWS - 1) * 18 + 2;
        assertThat(image.getRGB(800, lastRowY) & 0xFFFFFF).isEqualTo(FlamePalette.LIGHT.frame("f198").packed());
    }
}
