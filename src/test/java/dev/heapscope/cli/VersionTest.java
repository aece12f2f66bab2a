package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code heapscope --version} prints the version the POM declares, not one written into the code. */
class VersionTest {

    /** {@code <project><version>} of the POM the build ran from. */
    private static String pomVersion() throws Exception {
        Path pom = Path.of(System.getProperty("heapscope.project.dir", "."), "pom.xml");
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ("version".equals(child.getNodeName())) {
                return child.getTextContent().strip();
            }
        }
        throw new AssertionError(pom + " declares no version");
    }

    @Test
    void theVersionIsThePomsVersion() throws Exception {
        String expected = "HeapScope " + pomVersion();
        CliRunner result = CliRunner.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo(expected);
        assertThat(CliRunner.run("-V").out().strip()).isEqualTo(expected);
    }

    @Test
    void everyCommandPrintsTheSameVersion() throws Exception {
        String expected = "HeapScope " + pomVersion();
        for (String command : new String[] {"analyze", "diff", "run", "sim", "hunt", "export", "report"}) {
            CliRunner result = CliRunner.run(command, "--version");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out().strip()).as(command).isEqualTo(expected);
        }
    }
}
