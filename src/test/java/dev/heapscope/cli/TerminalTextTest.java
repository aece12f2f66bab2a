package dev.heapscope.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What a terminal would act on is shown as an escape; everything else is left as it is. */
class TerminalTextTest {

    @Test
    void escapeSequencesFromABoardAreSpelledOut() {
        assertThat(TerminalText.escape("a\u001b]0;pwned\u0007b\u001b[2Jc"))
                .isEqualTo("a\\x1b]0;pwned\\x07b\\x1b[2Jc");
    }

    @Test
    void otherC0ControlsDelAndC1ControlsAreEscapedButNotNewlineOrTab() {
        assertThat(TerminalText.escape("x\u0000\u0008\r\u007f\u0080\u009b\u009fy\n\tz"))
                .isEqualTo("x\\x00\\x08\\x0d\\x7f\\x80\\x9b\\x9fy\n\tz");
    }

    @Test
    void bidiOverridesAndIsolatesAreEscaped() {
        assertThat(TerminalText.escape("\u202atxt\u202e\u2066\u2069")).isEqualTo("\\u202atxt\\u202e\\u2066\\u2069");
    }

    @Test
    void printableTextIncludingLatinOneBytesAndBackslashesIsTheSameInstance() {
        String text = "C:\\lua\\init.lua: ÿ é – 0xff \\x1b";
        assertThat(TerminalText.escape(text)).isSameAs(text);
        assertThat(TerminalText.escape(null)).isNull();
    }

    @Test
    void theStreamEscapesPrintedTextAndPassesBytesWrittenAsBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = TerminalStream.escaping(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        stream.println("line\u001b[2J");
        stream.print('\u0007');
        stream.printf("%s|%d%n", "\u009b", 7);
        stream.append("\u202e").append('\u007f').println();
        stream.println((Object) "obj\u0001");
        byte[] json = "{\"raw\":\"\u001b\"}".getBytes(StandardCharsets.UTF_8);
        stream.write(json, 0, json.length);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "line\\x1b[2J\n\\x07\\x9b|7\n\\u202e\\x7f\nobj\\x01\n{\"raw\":\"\u001b\"}");
        assertThat(TerminalStream.escaping(stream)).isSameAs(stream);
    }

    @Test
    void theStreamKeepsTheEncodingOfTheStreamBelow() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream latin = TerminalStream.escaping(new PrintStream(bytes, true, StandardCharsets.ISO_8859_1));
        latin.print("ÿ\u001b");
        assertThat(bytes.toByteArray()).containsExactly(0xff, '\\', 'x', '1', 'b');
    }
}
