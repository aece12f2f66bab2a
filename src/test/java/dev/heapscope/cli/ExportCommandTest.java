package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = CliRunner.log("shared/nodemcu-session-idf51.log");

    @Test
    void foldedOfTheLastCompleteDumpIsTheDefault() {
        CliRunner result = CliRunner.run("export", SESSION, "--format", "folded");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                0x4008c2f0;0x400d3a44;0x400d2e10 1024
                0x400e5f08;0x400e1d50;0x400e1a2c 96
                0x400e6120;0x400e1d50;0x400e1a2c 16
                0x400f3c12;0x400e1d50;0x400e1a2c 40
                """);
    }

    @Test
    void dumpChoosesTheDumpAndCountWeighsByAllocations() {
        CliRunner result = CliRunner.run("export", SESSION, "--format", "folded", "--dump", "1", "--count");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("0x400f3c12;0x400e1d50;0x400e1a2c 1\n");
    }

    @Test
    void speedscopeHasOneProfilePerDumpAndOpensTheLastComplete(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("heap.speedscope.json");
        CliRunner result = CliRunner.run("export", SESSION, "--format", "speedscope", "-o", file.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.get("profiles").size()).isEqualTo(2);
        assertThat(json.get("activeProfileIndex").asInt()).isEqualTo(1);
        assertThat(json.get("profiles").get(1).get("endValue").asLong()).isEqualTo(1176);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void csvLeaksCsvJsonAndSvgAreWritten() throws Exception {
        CliRunner csv = CliRunner.run("export", SESSION, "--format", "csv");
        assertThat(csv.out().split("\r\n")).hasSize(1 + 1 + 6);
        CliRunner leaks = CliRunner.run("export", SESSION, "-f", "leaks-csv");
        assertThat(leaks.out()).startsWith("rank,bytes,count").contains("\r\n1,1024,1,");
        CliRunner json = CliRunner.run("export", SESSION, "--format", "json", "--dump", "2");
        assertThat(JSON.readTree(json.out()).get("dumps").get(0).get("records").size()).isEqualTo(6);
        CliRunner svg = CliRunner.run("export", SESSION, "--format", "svg");
        assertThat(svg.out()).startsWith("<?xml").contains("<svg", "0x400d2e10").endsWith("</svg>\n");
        assertThat(csv.exitCode() + leaks.exitCode() + json.exitCode() + svg.exitCode()).isZero();
    }

    @Test
    void foldedInputIsDetectedByContentAndBecomesSvgOrSpeedscope(@TempDir Path dir) throws Exception {
        Path folded = dir.resolve("stacks.txt");
        Files.writeString(folded, "# from inferno\nmain;app_main;leak 208\nmain;idle 16\n", StandardCharsets.UTF_8);
        CliRunner svg = CliRunner.run("export", folded.toString(), "--format", "svg");
        assertThat(svg.exitCode()).isZero();
        assertThat(svg.out()).contains("<title>leak\n208 bytes");
        CliRunner speedscope = CliRunner.run("export", folded.toString(), "--format", "speedscope");
        assertThat(JSON.readTree(speedscope.out()).get("profiles").get(0).get("endValue").asLong()).isEqualTo(224);
        CliRunner csv = CliRunner.run("export", folded.toString(), "--format", "csv");
        assertThat(csv.exitCode()).isEqualTo(1);
        assertThat(csv.err()).isEqualTo("heapscope: " + folded + " holds folded stacks; --format csv needs a console log\n");
    }

    @Test
    void problemsGiveOneLineOnStderrAndTheDocumentedExitCode(@TempDir Path dir) throws Exception {
        CliRunner unknown = CliRunner.run("export", SESSION, "--format", "bmp");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().lines()).hasSize(1);
        CliRunner noDump = CliRunner.run("export", SESSION, "--format", "csv", "--dump", "9");
        assertThat(noDump.exitCode()).isEqualTo(1);
        assertThat(noDump.err()).isEqualTo("heapscope: there is no dump #9; the input has 2 dump(s)\n");
        CliRunner missing = CliRunner.run("export", dir.resolve("nope.log").toString(), "--format", "svg");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1).allMatch(line -> line.endsWith("no such file"));
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, "I (1) boot: nothing here\n");
        CliRunner noDumps = CliRunner.run("export", empty.toString(), "--format", "json");
        assertThat(noDumps.exitCode()).isEqualTo(2);
        assertThat(noDumps.err().lines()).hasSize(1);
        CliRunner badTarget = CliRunner.run("export", SESSION, "--format", "svg", "-o",
                dir.resolve("missing/dir/x.svg").toString());
        assertThat(badTarget.exitCode()).isEqualTo(2);
        assertThat(badTarget.err().lines()).containsExactly("heapscope: cannot write "
                + dir.resolve("missing/dir/x.svg") + ": no such directory");
    }

    @Test
    void inputKindTellsFoldedStacksFromLogs() {
        assertThat(InputKind.of("a;b;c 123\n\n# note\nd 4\n", false)).isEqualTo(InputKind.FOLDED);
        assertThat(InputKind.of("a;b;c 123\nd 4\ne;f", true)).isEqualTo(InputKind.FOLDED);
        assertThat(InputKind.of("total frees: 2\n====== Heap Trace Summary ======\n", false)).isEqualTo(InputKind.LOG);
        assertThat(InputKind.of("", false)).isEqualTo(InputKind.LOG);
        assertThat(InputKind.of("a;b;c x\n", false)).isEqualTo(InputKind.LOG);
    }

    @Test
    void aFirstLineLongerThanTheSniffIsToldByItsStartAndEnd(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a 20,000-frame stack is a 150 KB first line: it was read as a console log (issue 16)
        String deep = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "frame_" + i)
                .collect(java.util.stream.Collectors.joining(";"));
        Path folded = Files.writeString(dir.resolve("deep.folded"), deep + " 4096\nmain;other 12\n");
        Path unfinished = Files.writeString(dir.resolve("cut.folded"), deep + " 4096");
        Path log = Files.writeString(dir.resolve("long.log"), "I (120) app: " + deep + " done\n");
        Path comment = Files.writeString(dir.resolve("comment.folded"), "# " + deep + " 7\n");
        assertThat(InputKind.of(folded)).isEqualTo(InputKind.FOLDED);
        assertThat(InputKind.of(unfinished)).isEqualTo(InputKind.FOLDED);
        assertThat(InputKind.of(log)).isEqualTo(InputKind.LOG);
        assertThat(InputKind.of(comment)).isEqualTo(InputKind.LOG);
        CliRunner result = CliRunner.run("export", folded.toString(), "--format", "svg", "-o", dir.resolve("d.svg").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(dir.resolve("d.svg"))).contains("frame_0").contains("other");
    }

    @Test
    void pngIsAFlameGraphImageAtTheAskedScale(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path png = dir.resolve("leaks.png");
        CliRunner result = CliRunner.run("export", SESSION, "--format", "png", "--scale", "2", "-o", png.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(3200);
        assertThat(image.getHeight()).isGreaterThan(100);
    }
}
