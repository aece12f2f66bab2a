package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgFlameWriterTest {

    private static Document parseXml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static CallTree hostileTree() throws java.io.IOException {
        ParsedLog log = ExportFixtures.hostile();
        SymbolTable names = new SymbolTable();
        log.symbols().forEach(names::add);
        return CallTree.of(log.dumps().get(1).liveRecords(), Weight.BYTES, new FrameNamer(names));
    }

    @Test
    void aHostileNameStaysTextInWellFormedSvg() throws Exception {
        StringBuilder svg = new StringBuilder();
        SvgFlameWriter.write(hostileTree(), "title " + ExportFixtures.SCRIPT, svg);
        Document document = parseXml(svg.toString());
        // one script element, ours; the hostile names are text inside <title> elements
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "script").getLength()).isEqualTo(1);
        assertThat(svg.toString()).contains("&lt;script&gt;alert(1)&lt;/script&gt; (&lt;b&gt;&amp;x.c:7)");
        NodeList titles = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        boolean found = false;
        for (int i = 0; i < titles.getLength(); i++) {
            found |= titles.item(i).getTextContent().startsWith(ExportFixtures.SCRIPT + " (<b>&x.c:7)\n");
        }
        assertThat(found).isTrue();
    }

    @Test
    void frameWidthsAreProportionalToTheirTotals() throws Exception {
        CallTree tree = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("main", "a"), 300)
                .addStack(List.of("main", "b"), 100)
                .addStack(List.of("other"), 400)
                .build();
        StringBuilder svg = new StringBuilder();
        int drawn = SvgFlameWriter.write(tree, "t", svg);
        assertThat(drawn).isEqualTo(5);
        Document document = parseXml(svg.toString());
        NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        double rootWidth = -1;
        double aWidth = -1;
        double bX = -1;
        double aX = -1;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String name = g.getElementsByTagNameNS("*", "title").item(0).getTextContent().split("\n")[0];
            Element rect = (Element) g.getElementsByTagNameNS("*", "rect").item(0);
            double width = Double.parseDouble(rect.getAttribute("width"));
            double x = Double.parseDouble(rect.getAttribute("x"));
            switch (name) {
                case "all" -> rootWidth = width;
                case "a" -> { aWidth = width; aX = x; }
                case "b" -> bX = x;
                default -> { }
            }
        }
        assertThat(rootWidth).isEqualTo(1180.0);
        assertThat(aWidth).isEqualTo(442.5);
        assertThat(bX).isEqualTo(aX + aWidth);
    }

    @Test
    void framesNarrowerThanATenthOfAPixelAreLeftOutWithTheirChildren() throws Exception {
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES).addStack(List.of("big"), 1_000_000_000L);
        builder.addStack(List.of("tiny", "tinier"), 10);
        StringBuilder svg = new StringBuilder();
        int drawn = SvgFlameWriter.write(builder.build(), "t", svg);
        assertThat(drawn).isEqualTo(2);
        assertThat(svg.toString()).doesNotContain("tiny");
        parseXml(svg.toString());
    }

    @Test
    void framesNarrowerThanAPixelAreLeftOutTheirValueStaysInTheParent() throws Exception {
        // 1180 usable px: 4 of 10,013 is 0.47 px, 9 of it is 1.06 px
        CallTree tree = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("main", "big"), 10_000)
                .addStack(List.of("main", "half_pixel"), 4)
                .addStack(List.of("main", "one_pixel"), 9)
                .build();
        StringBuilder svg = new StringBuilder();
        int drawn = SvgFlameWriter.write(tree, "t", svg);
        assertThat(drawn).isEqualTo(4);
        assertThat(svg.toString()).contains("<title>one_pixel\n9 bytes").doesNotContain("half_pixel")
                .contains("<title>main\n10013 bytes");
    }

    @Test
    void labelsAreCutToFitTheirFrame() {
        assertThat(FlameSvg.label("leak_some_memory", 1000)).isEqualTo("leak_some_memory");
        assertThat(FlameSvg.label("leak_some_memory", 60)).isEqualTo("leak_..");
        assertThat(FlameSvg.label("leak_some_memory", 20)).isEmpty();
    }

    @Test
    void anEmptyTreeStillGivesAValidSvg() throws Exception {
        StringBuilder svg = new StringBuilder();
        int drawn = SvgFlameWriter.write(new CallTree.Builder(Weight.BYTES).build(), "empty", svg);
        assertThat(drawn).isZero();
        assertThat(parseXml(svg.toString()).getDocumentElement().getLocalName()).isEqualTo("svg");
    }
}
