package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameBox;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.FlameSearch;
import dev.heapscope.analysis.flame.Rgb;
import dev.heapscope.export.PngFlameWriter;
import dev.heapscope.export.SvgFlameWriter;
import dev.heapscope.ui.common.Theme;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One frame, one colour: the app's canvas, the SVG export and the PNG export colour the same frame
 * names alike (each renderer asked for its colours, the files read back as a user would get them).
 */
class FlameColoursMatchEverywhereTest {
    /** A Lua frame, a typed chunk, a C function, a bare address, a placeholder; the root is "all". */
    private static final List<String> NAMES = List.of("leak (app.lua:3)", "main chunk (stdin:1)",
            "handle_request (request-handler-leak.lua:12)", "luaH_new (ltable.c)", "0x400d1234", "[unknown]");
    private static final Pattern CSS_RGB = Pattern.compile("rgb\\((\\d+),(\\d+),(\\d+)\\)");

    private static CallTree tree() {
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES);
        NAMES.forEach(name -> builder.addStack(List.of(name), 100));
        return builder.build();
    }

    @Test
    void theCanvasTheSvgAndThePngGiveAFrameTheSameColour() throws Exception {
        CallTree tree = tree();
        Map<String, Rgb> svg = svgFills(tree);
        Map<String, Rgb> png = pngPixels(tree);
        for (Theme theme : Theme.values()) {
            Map<String, Rgb> canvas = canvasFills(tree, theme);
            assertThat(canvas.keySet()).containsAll(NAMES).contains(tree.name(tree.root()));
            assertThat(svg).as("SVG fills against the canvas on %s", theme).isEqualTo(canvas);
            assertThat(png).as("PNG pixels against the canvas on %s", theme).isEqualTo(canvas);
        }
        // not a vacuous match: the names do get different colours
        assertThat(svg.values().stream().distinct().count()).isEqualTo(NAMES.size() + 1);
    }

    /** What {@link FlamePainter} fills each box with, with no search, no diff, no zoom. */
    private static Map<String, Rgb> canvasFills(CallTree tree, Theme theme) {
        FlameLayout layout = FlameLayout.of(tree, tree.root(), 1400, 1);
        FlameSearch noSearch = FlameSearch.of(tree, "");
        Map<String, Rgb> fills = new HashMap<>();
        for (FlameBox box : layout.boxes()) {
            Color fill = FlameBoxFill.of(layout, box, noSearch, null, theme.flamePalette());
            assertThat(fill.getOpacity()).isEqualTo(1.0);
            fills.put(tree.name(box.node()), new Rgb(eightBit(fill.getRed()), eightBit(fill.getGreen()),
                    eightBit(fill.getBlue())));
        }
        return fills;
    }

    /** The {@code fill} of each frame's rectangle, by the name in the frame's title. */
    private static Map<String, Rgb> svgFills(CallTree tree) throws Exception {
        StringBuilder text = new StringBuilder();
        SvgFlameWriter.write(tree, "colours", text);
        NodeList groups = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("g");
        Map<String, Rgb> fills = new HashMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            String title = group.getElementsByTagName("title").item(0).getTextContent();
            String fill = ((Element) group.getElementsByTagName("rect").item(0)).getAttribute("fill");
            fills.put(title.substring(0, title.indexOf('\n')), parseCss(fill));
        }
        return fills;
    }

    /** The pixel just inside each frame's top-left corner, clear of its label. */
    private static Map<String, Rgb> pngPixels(CallTree tree) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PngFlameWriter.write(tree, "colours", 1, bytes);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        // PngFlameWriter's geometry: an icicle 1600 px wide, rows of 18 px below a 28 px title
        int titlePx = 28;
        int rowPx = 18;
        Map<String, Rgb> pixels = new HashMap<>();
        pixels.put(tree.name(tree.root()), Rgb.ofPacked(image.getRGB(1, titlePx + 1) & 0xFFFFFF));
        double left = 0;
        for (int i = 0; i < tree.childCount(tree.root()); i++) {
            int child = tree.child(tree.root(), i);
            int x = (int) left + 1;
            pixels.put(tree.name(child), Rgb.ofPacked(image.getRGB(x, titlePx + rowPx + 1) & 0xFFFFFF));
            left += 1600.0 * tree.total(child) / tree.totalValue();
        }
        return pixels;
    }

    private static Rgb parseCss(String css) {
        Matcher rgb = CSS_RGB.matcher(css);
        assertThat(rgb.matches()).as("an rgb() fill: %s", css).isTrue();
        return new Rgb(Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)), Integer.parseInt(rgb.group(3)));
    }

    private static int eightBit(double channel) {
        return (int) Math.round(channel * 255);
    }
}
