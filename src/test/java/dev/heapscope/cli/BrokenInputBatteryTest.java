package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every command that reads a file, over a battery of broken ones (issue 16: {@code Input length = 1} for a
 * byte 0xff, {@code arraycopy: ... byte[0]}): a file that cannot be used is exit code 2 and exactly one
 * line on stderr; a file that can be read but holds nothing (empty, bytes 0xff) is an answer or that one
 * line; never Java's wording ({@link InputErrorText#JAVA_WORDING}) on either stream.
 */
@Timeout(300)
class BrokenInputBatteryTest {
    @TempDir
    static Path dir;
    private static final List<String> BROKEN = List.of("truncated-session", "garbage", "directory", "vanished",
            "unreadable");
    private static final List<String> EMPTYISH = List.of("empty", "bytes-ff", "folded-with-ff", "ff-in-a-dump");

    @BeforeAll
    static void files() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write("{\"format\":1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.putNextEntry(new ZipEntry("transcript.log"));
            out.write(Files.readAllBytes(Path.of(CliRunner.log("shared/nodemcu-session-idf51.log"))));
        }
        byte[] whole = zip.toByteArray();
        Files.write(dir.resolve("truncated-session"), Arrays.copyOf(whole, whole.length / 2));
        byte[] random = new byte[20_000];
        new Random(16).nextBytes(random);
        Files.write(dir.resolve("garbage"), random);
        Files.createDirectory(dir.resolve("directory"));
        Files.createSymbolicLink(dir.resolve("vanished"), dir.resolve("was-here-a-moment-ago.log"));
        Path unreadable = Files.writeString(dir.resolve("unreadable"), "x\n");
        unreadable.toFile().setReadable(false, false);
        Files.write(dir.resolve("empty"), new byte[0]);
        byte[] ff = new byte[5000];
        Arrays.fill(ff, (byte) 0xff);
        Files.write(dir.resolve("bytes-ff"), ff);
        Files.write(dir.resolve("folded-with-ff"), new byte[] {'m', ';', 'f', (byte) 0xff, 'o', ' ', '1', '0', '\n'});
        byte[] log = Files.readAllBytes(Path.of(CliRunner.log("hostile-names.log")));
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '<') {
                log[i] = (byte) 0xff; // in the echo, in a frame's name and its file
            }
        }
        Files.write(dir.resolve("ff-in-a-dump"), log);
    }

    static Stream<Arguments> cases() {
        List<List<String>> commands = List.of(
                List.of("analyze", "IN"), List.of("analyze", "IN", "--json"), List.of("analyze", "IN", "--folded"),
                List.of("report", "IN", "-o", "OUT"), List.of("export", "IN", "-f", "csv"),
                List.of("export", "IN", "-f", "svg", "-o", "OUT"), List.of("export", "IN", "-f", "speedscope"),
                List.of("diff", "IN", "IN"), List.of("run", "IN", "--seconds", "0"));
        List<Arguments> all = new ArrayList<>();
        for (String input : concat(BROKEN, EMPTYISH)) {
            for (List<String> command : commands) {
                all.add(Arguments.of(String.join(" ", command).replace("IN", input), input, command));
            }
        }
        return all.stream();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineAboutTheInputAndExitCodeTwoNeverJava(String name, String input, List<String> command) {
        Path file = dir.resolve(input);
        if (input.equals("unreadable")) {
            assumeFalse(Files.isReadable(file), "permissions do not stop this user (root) from reading");
        }
        Path out = dir.resolve("out-" + name.replaceAll("\\W+", "-"));
        String[] args = command.stream().map(a -> a.replace("IN", file.toString()).replace("OUT", out.toString()))
                .toArray(String[]::new);

        CliRunner result = CliRunner.run(args);

        assertThat(result.err()).as("stderr").doesNotContainPattern(InputErrorText.JAVA_WORDING);
        assertThat(result.out()).as("stdout").doesNotContainPattern(InputErrorText.JAVA_WORDING);
        List<String> errorLines = result.err().lines().filter(l -> !l.startsWith("heapscope: warning: ")).toList();
        if (BROKEN.contains(input) || result.exitCode() != 0) {
            // 1 only where the input is fine but the option does not fit it (a folded file has no CSV of records)
            assertThat(result.exitCode()).as("exit code; stderr: %s", result.err())
                    .isEqualTo(BROKEN.contains(input) || !result.err().contains("needs a console log") ? 2 : 1);
            assertThat(result.err().lines()).as("stderr").singleElement().asString().startsWith("heapscope: ");
            assertThat(out).as("no half-written output").doesNotExist();
        } else {
            assertThat(errorLines).as("stderr of a run that succeeded").isEmpty();
        }
    }
}
