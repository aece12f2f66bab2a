package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.symbols.FirmwareIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code analyze --elf} and {@code --rom-ld} against the committed test firmware (src/test/resources/elf). */
class AnalyzeWithElfTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String resource(String name) throws URISyntaxException {
        return Path.of(AnalyzeWithElfTest.class.getResource("/elf/" + name).toURI()).toString();
    }

    private Path log(String digestLine) throws Exception {
        String text = (digestLine == null ? "" : digestLine + "\n") + """
                ====== Heap Trace: 2 records (100 capacity) ======
                    40 bytes (@ 0x3ffb2a10, Internal) allocated CPU 0 ccount 0x11223344 caller 0x400d0021:0x400d0060:0x400d009a
                    24 bytes (@ 0x3ffb2a60, Internal) allocated CPU 0 ccount 0x11240010 caller 0x400d00e0:0x40007d60:0x400d9000
                ====== Heap Trace Summary ======
                Mode: Heap Trace All
                64 bytes alive in trace (2/2 allocations)
                records: 2 (100 capacity, 2 high water mark)
                total allocations: 2
                total frees: 0
                ================================
                """;
        return Files.writeString(temp.resolve("session.log"), text);
    }

    @Test
    void jsonGetsFramesWithFunctionFileAndLine() throws Exception {
        CliRunner result = CliRunner.run("analyze", log(null).toString(), "--json",
                "--elf", resource("app-xtensa-dwarf5.elf"), "--rom-ld", resource("esp32-test.rom.ld"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode records = JSON.readTree(result.out()).get("dumps").get(0).get("records");
        JsonNode frames = records.get(0).get("frames");
        assertThat(frames).hasSize(3);
        assertThat(frames.get(0).get("address").asText()).isEqualTo("0x400d0021");
        assertThat(frames.get(0).get("function").asText()).isEqualTo("count_buffers");
        assertThat(frames.get(0).get("file").asText()).isEqualTo("/firmware/app.c");
        assertThat(frames.get(0).get("line").asInt()).isEqualTo(10);
        assertThat(frames.get(1).get("function").asText()).isEqualTo("leak_some_memory");
        assertThat(frames.get(2).get("function").asText()).isEqualTo("main");
        JsonNode second = records.get(1).get("frames");
        assertThat(second.get(0).get("file").asText()).isEqualTo("/firmware/util.c");
        assertThat(second.get(0).get("line").asInt()).isEqualTo(19);
        assertThat(second.get(1).get("function").asText()).as("a ROM frame").isEqualTo("ets_printf");
        assertThat(second.get(1).get("file").isNull()).isTrue();
        assertThat(second.get(2).get("function").isNull()).as("an address no file knows").isTrue();
    }

    @Test
    void textAndFoldedShowNames() throws Exception {
        String log = log(null).toString();
        CliRunner text = CliRunner.run("analyze", log, "--elf", resource("app-xtensa-dwarf4.elf"));
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("count_buffers (app.c:10) <- leak_some_memory (app.c:21) <- main (app.c:30)")
                .contains("scale (util.c:19) <- 0x40007d60 <- 0x400d9000");
        CliRunner folded = CliRunner.run("analyze", log, "--folded", "--elf", resource("app-xtensa-dwarf4.elf"));
        assertThat(folded.out()).contains("main (app.c:30);leak_some_memory (app.c:21);count_buffers (app.c:10) 40");
    }

    @Test
    void theAddr2lineBackendNamesTheSameFrames() throws Exception {
        java.nio.file.Path tool = java.nio.file.Path.of("/usr/bin/xtensa-lx106-elf-addr2line");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(tool),
                "xtensa-lx106-elf-addr2line is not installed");
        String log = log(null).toString();
        CliRunner viaJava = CliRunner.run("analyze", log, "--folded", "--elf", resource("app-xtensa-dwarf4.elf"));
        CliRunner viaTool = CliRunner.run("analyze", log, "--folded", "--elf", resource("app-xtensa-dwarf4.elf"),
                "--addr2line", tool.toString());
        assertThat(viaTool.exitCode()).as(viaTool.err()).isZero();
        assertThat(viaTool.out()).isEqualTo(viaJava.out());
        CliRunner noElf = CliRunner.run("analyze", log, "--addr2line");
        assertThat(noElf.exitCode()).isEqualTo(2);
        assertThat(noElf.err()).contains("--addr2line needs --elf");
    }

    @Test
    void diffNamesFramesFromTheElfToo() throws Exception {
        String log = log(null).toString();
        CliRunner diff = CliRunner.run("diff", log, log, "--elf", resource("app-xtensa-dwarf5.elf"));
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("count_buffers (app.c:10) <- leak_some_memory (app.c:21)");
        CliRunner bad = CliRunner.run("diff", log, "--elf", log);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--elf").contains("is not an ELF file");
    }

    @Test
    void anUnreadableElfExitsWithTwoAndOneLine() throws Exception {
        Path notElf = Files.writeString(temp.resolve("fw.elf"), "not an elf");
        CliRunner result = CliRunner.run("analyze", log(null).toString(), "--elf", notElf.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("heapscope: --elf: ").contains("is not an ELF file")
                .doesNotContain("\n");
        assertThat(result.out()).isEmpty();
        CliRunner missing = CliRunner.run("analyze", log(null).toString(), "--elf", temp.resolve("no.elf").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void aStaleElfIsWarnedAbout() throws Exception {
        CliRunner result = CliRunner.run("analyze", log("I (331) app_init: ELF file SHA256:  0123456789abcdef").toString(),
                "--elf", resource("app-xtensa-dwarf5.elf"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("warning").contains("0123456789abcdef").contains("names may be wrong");
    }

    @Test
    void diffWarnsAboutAStaleElfWithTheSameSentence() throws Exception {
        String elf = resource("app-xtensa-dwarf5.elf");
        String actual = FirmwareIdentity.sha256Hex(Path.of(elf)).substring(0, 16);
        CliRunner result = CliRunner.run("diff", log("ELF file SHA256: 0123456789abcdef").toString(), "--before", "1",
                "--after", "1", "--elf", elf);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().strip()).isEqualTo("heapscope: warning: the board runs firmware 0123456789abcdef… but "
                + "app-xtensa-dwarf5.elf is " + actual + "…: names may be wrong (a stale or different build?)");
    }

    @Test
    void theMatchingElfIsNotWarnedAbout() throws Exception {
        String digest = FirmwareIdentity.sha256Hex(Path.of(resource("app-xtensa-dwarf5.elf"))).substring(0, 16);
        CliRunner result = CliRunner.run("analyze", log("I (331) app_init: ELF file SHA256:  " + digest).toString(),
                "--elf", resource("app-xtensa-dwarf5.elf"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
    }
}
