package dev.heapscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON on a terminal: DEL, C1 and bidi characters become {@code \\u} escapes; the JSON value stays the same. */
class JsonForTerminalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTING = "[\\x00-\\x1f\\x7f\\x80-\\x9f\\u202a-\\u202e\\u2066-\\u2069]";

    private static String throughTerminal(String value, boolean raw) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream below = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream json = JsonForTerminal.onto(raw ? below : TerminalStream.escaping(below));
        byte[] document = JSON.writeValueAsBytes(java.util.Map.of("name", value));
        // in uneven pieces, so a character's bytes arrive in two writes
        for (int from = 0; from < document.length; from += 3) {
            json.write(document, from, Math.min(3, document.length - from));
        }
        json.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void actingCharactersAreEscapedAndTheValueIsUnchanged() throws Exception {
        String hostile = "a\u007fb\u0080\u009b\u009fc\u00a0\u00ff\u202a\u202e\u2066\u2069\u2028\u20ac\u2000é😀";
        String shown = throughTerminal(hostile, false);

        assertThat(shown).contains("\\u007f", "\\u009b", "\\u202e", "\\u2069").doesNotContainPattern(ACTING)
                .contains("\u00a0\u00ff", "\u2028\u20ac\u2000é");
        assertThat(JSON.readTree(shown).get("name").asText()).isEqualTo(hostile);
        assertThat(throughTerminal(hostile, true)).contains("\u009b\u009fc").contains("\u202e");
    }

    @Test
    void randomTextKeepsItsValue() throws Exception {
        Random random = new Random(16);
        char[] alphabet = "a\u007f\u0080\u009b\u00c2\u00e2\u0100\u2000\u2029\u202a\u202e\u202f\u2065\u2066\u2069\u206a\u20ac"
                .toCharArray();
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String shown = throughTerminal(text.toString(), false);
            assertThat(shown).doesNotContainPattern(ACTING);
            assertThat(JSON.readTree(shown).get("name").asText()).isEqualTo(text.toString());
        }
    }
}
