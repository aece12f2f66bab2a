package dev.heapscope.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, given a file that does not exist, binary garbage, a damaged session or a directory
 * where it expects its input (the log, the script, the port, the board profile, the ELF, the ROM script,
 * the pseudo-terminal's link), says so in one {@code heapscope: ...} line on stderr and exits with the
 * documented code (1 usage, 2 unreadable input): no Java exception names, no stack trace.
 */
@Timeout(180)
class BadInputTest {
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b\\w+(Exception|Error)\\b|\\bjava\\.|\\bjavax\\.|\\bsun\\.|\\bat [\\w.$]+\\(|\\bdev\\.heapscope\\.");

    @TempDir
    static Path dir;
    private static Path missing;
    private static Path garbage;
    private static Path damagedSession;
    private static Path directory;
    private static Path log;
    private static Path script;

    @BeforeAll
    static void files() throws Exception {
        missing = dir.resolve("missing.log");
        byte[] bytes = new byte[20_000];
        new Random(11).nextBytes(bytes);
        garbage = Files.write(dir.resolve("garbage.bin"), bytes);
        byte[] zip = bytes.clone();
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, zip, 0, 4);
        damagedSession = Files.write(dir.resolve("damaged.heapscope"), zip);
        directory = Files.createDirectory(dir.resolve("a-directory"));
        log = Path.of(CliRunner.log("shared/nodemcu-session-idf51.log"));
        script = Files.writeString(dir.resolve("ok.lua"), "x = 1\n");
    }

    /** A command line with {@code BAD} where the bad file goes; the code it must exit with. */
    private record Case(String name, int exitCode, List<String> args) {
        String[] with(Path bad) {
            return args.stream().map(a -> a.replace("BAD", bad.toString())).toArray(String[]::new);
        }
    }

    private static Case of(String name, int exitCode, String... args) {
        return new Case(name, exitCode, List.of(args));
    }

    static Stream<Arguments> cases() {
        List<Case> logInputs = List.of(
                of("analyze", 2, "analyze", "BAD"),
                of("analyze --json", 2, "analyze", "BAD", "--json"),
                of("analyze --folded", 2, "analyze", "BAD", "--folded"),
                of("diff BEFORE", 2, "diff", "BAD"),
                of("diff LOG AFTER", 2, "diff", "LOG", "BAD"),
                of("export json", 2, "export", "BAD", "--format", "json"),
                of("export svg -o", 2, "export", "BAD", "--format", "svg", "-o", "OUT"),
                of("report", 2, "report", "BAD"),
                of("report -o", 2, "report", "BAD", "-o", "OUT"));
        List<Case> otherInputs = List.of(
                of("analyze --elf", 2, "analyze", "LOG", "--elf", "BAD"),
                of("diff --rom-ld", 2, "diff", "LOG", "LOG", "--before", "1", "--after", "2", "--rom-ld", "BAD"),
                of("run --board", 1, "run", "SCRIPT", "--board", "BAD"),
                of("sim --board", 1, "sim", "--pty", "LINK", "--board", "BAD", "--seconds", "1"),
                of("hunt --port", 2, "hunt", "--port", "BAD", "--seconds", "1", "--timeout", "2"),
                of("hunt --script", 2, "hunt", "--port", "NOPORT", "--script", "BAD"));
        List<Arguments> all = new ArrayList<>();
        for (Case c : logInputs) {
            all.add(Arguments.of(c.name + " (missing)", c, "missing"));
            all.add(Arguments.of(c.name + " (garbage)", c, "garbage"));
            all.add(Arguments.of(c.name + " (damaged session)", c, "session"));
            all.add(Arguments.of(c.name + " (directory)", c, "directory"));
        }
        for (Case c : otherInputs) {
            all.add(Arguments.of(c.name + " (missing)", c, "missing"));
            all.add(Arguments.of(c.name + " (garbage)", c, "garbage"));
        }
        all.add(Arguments.of("run (missing)", of("run", 2, "run", "BAD"), "missing"));
        all.add(Arguments.of("run (directory)", of("run", 2, "run", "BAD"), "directory"));
        all.add(Arguments.of("sim --pty in a missing directory", of("sim", 2, "sim", "--pty", "BAD/link", "--seconds", "1"),
                "missing"));
        all.add(Arguments.of("sim --pty on a file", of("sim", 2, "sim", "--pty", "BAD", "--seconds", "1"), "garbage"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadFileIsOneLineAndTheDocumentedExitCode(String name, Case c, String kind) throws Exception {
        Path bad = switch (kind) {
            case "missing" -> missing;
            case "garbage" -> garbage;
            case "session" -> damagedSession;
            default -> directory;
        };
        Path out = dir.resolve("out-" + name.replaceAll("\\W+", "-"));
        String[] args = Stream.of(c.with(bad)).map(a -> a.replace("LOG", log.toString())
                .replace("SCRIPT", script.toString()).replace("OUT", out.toString())
                .replace("LINK", dir.resolve("link-" + name.replaceAll("\\W+", "-")).toString())
                .replace("NOPORT", dir.resolve("no-port").toString())).toArray(String[]::new);

        CliRunner result = CliRunner.run(args);

        assertThat(result.exitCode()).as("exit code of %s; stderr: %s", String.join(" ", args), result.err())
                .isEqualTo(c.exitCode());
        assertThat(result.err().lines()).as("stderr").singleElement().asString().startsWith("heapscope: ");
        assertThat(result.err()).as("stderr").doesNotContainPattern(JAVA_INTERNALS);
        assertThat(result.out()).as("stdout").doesNotContainPattern(JAVA_INTERNALS);
        assertThat(out).as("no half-written output file").doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void aGarbageScriptIsTheBoardsOneLineErrorAndExitCodeTwo(String name, byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve(name), bytes);
        CliRunner result = CliRunner.run("run", file.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().startsWith("heapscope: the script failed: ");
        assertThat(result.err() + result.out()).doesNotContainPattern(JAVA_INTERNALS);
    }

    static Stream<Arguments> scripts() {
        byte[] random = new byte[20_000];
        new Random(11).nextBytes(random);
        byte[] bytecodeLike = random.clone();
        System.arraycopy(new byte[] {0x1b, 'L', 'u', 'a'}, 0, bytecodeLike, 0, 4); // a precompiled chunk's signature
        return Stream.of(Arguments.of("garbage.lua", random), Arguments.of("garbage.lc", bytecodeLike));
    }
}
