package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a board prints and a log holds reaches the user's terminal escaped (issue 16: {@code ESC]0;…BEL}
 * and {@code ESC[2J} from the board went straight through {@code run} and {@code analyze}); {@code --raw}
 * passes it unchanged; machine formats keep their own escaping; a script's bytes reach Lua as bytes.
 */
@Timeout(180)
class TerminalOutputTest {
    /** A control character a terminal acts on, as it would reach it: C0 but newline and tab, DEL, C1. */
    private static final String ACTING = "[\\x00-\\x08\\x0b-\\x1f\\x7f\\x80-\\x9f\\u202a-\\u202e\\u2066-\\u2069]";

    @TempDir
    static Path dir;
    private static Path script;
    private static Path log;

    @BeforeAll
    static void files() throws Exception {
        script = Files.writeString(dir.resolve("hostile.lua"), """
                print("title\\27]0;pwned\\7 clear\\27[2J end")
                print("c1\\194\\155csi del\\127 cr\\rover")
                t = tmr.create()
                t:alarm(1000, tmr.ALARM_SINGLE, function() print("timer\\27[31mred") end)
                """);
        // a monitor-decoded frame whose name carries an OSC title, a BEL and a C1 CSI (byte 0x9b)
        byte[] template = Files.readAllBytes(Path.of(CliRunner.log("hostile-names.log")));
        String text = new String(template, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("<script>alert(1)</script>", "evil\u001b]0;pwned\u0007\u009bname\u00ff");
        log = Files.write(dir.resolve("hostile.log"), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void runShowsTheBoardsControlCharactersEscaped() {
        CliRunner result = CliRunner.run("run", script.toString(), "--seconds", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("title\\x1b]0;pwned\\x07 clear\\x1b[2J end")
                // bytes shown one character each, as the app's console does: U+009B's UTF-8 is "Â" and a C1 CSI
                .contains("c1\u00c2\\x9bcsi del\\x7f cr\n") // a CR ends a console line, as on the board's

                .contains("timer\\x1b[31mred")
                .doesNotContainPattern(ACTING);
    }

    @Test
    void runWithRawPassesTheBytesThrough() {
        CliRunner result = CliRunner.run("run", script.toString(), "--seconds", "2", "--raw");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("title\u001b]0;pwned\u0007 clear\u001b[2J end").contains("timer\u001b[31mred");
    }

    @Test
    void runJsonKeepsJsonEscapingAndTheSameText() throws Exception {
        CliRunner result = CliRunner.run("run", script.toString(), "--seconds", "2", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("\\x1b").doesNotContainPattern(ACTING)
                .contains("c1\u00c2\\u009bcsi del\\u007f"); // JSON's escapes for what JSON allows raw
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.toString()).contains("title\\u001B]0;pwned\\u0007 clear\\u001B[2J end");
    }

    @Test
    void analyzeTextShowsNamesFromTheLogEscapedAndRawOnRequest() {
        CliRunner escaped = CliRunner.run("analyze", log.toString());
        CliRunner raw = CliRunner.run("analyze", log.toString(), "--raw");

        assertThat(escaped.exitCode()).as(escaped.err()).isZero();
        assertThat(escaped.out()).contains("\\x07\\x9bname\u00ff").doesNotContainPattern(ACTING);
        assertThat(raw.out()).contains("\u0007\u009bname\u00ff");
    }

    @Test
    void analyzeFoldedIsEscapedUnlessRawSinceFoldedStacksHaveNoEscapingOfTheirOwn() {
        CliRunner escaped = CliRunner.run("analyze", log.toString(), "--folded");
        CliRunner raw = CliRunner.run("analyze", log.toString(), "--folded", "--raw");

        assertThat(escaped.out()).contains("\\x07\\x9bname").doesNotContainPattern(ACTING);
        assertThat(raw.out()).contains("\u0007\u009bname");
    }

    @Test
    void analyzeJsonIsValidJsonWithEveryC0ControlEscaped() throws Exception {
        CliRunner result = CliRunner.run("analyze", log.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f]");
        assertThat(new ObjectMapper().readTree(result.out()).isObject()).isTrue();
    }

    @Test
    void errorsQuotingTheInputAreEscapedToo() throws Exception {
        Path missing = dir.resolve("name\u001b[2J.log");
        CliRunner result = CliRunner.run("diff", missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("name\\x1b[2J.log").doesNotContainPattern(ACTING);
    }

    @Test
    void aScriptsBytesReachLuaAsBytes() throws Exception {
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        source.writeBytes("print(#\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        source.write(0xff);
        source.writeBytes("\", string.byte(\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        source.write(0xff);
        source.writeBytes("\"))\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path bytes = Files.write(dir.resolve("byte-ff.lua"), source.toByteArray());

        CliRunner result = CliRunner.run("run", bytes.toString(), "--seconds", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("| 1\t255");
        assertThat(result.err()).isEmpty();
    }
}
