package dev.heapscope.parse;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The one-pass scanner of a monitor's decode lines against the regular expression it replaced (kept here as the
 * oracle): same lines accepted, same parts, on hand-picked lines and on 200,000 random ones built from the pieces
 * where the two could part ways (" at ", colons, digits, discriminators, spaces, line terminators).
 */
class MonitorLineScannerTest {
    private static final Pattern ORACLE = Pattern.compile(
            "^(?:--- )?(0x[0-9a-fA-F]{1,8}): (\\S.*?) at (\\S.*?)(?::(\\d+))?(?: \\(discriminator \\d+\\))?\\s*$");
    private static final String[] PIECES = {" at ", "at", " ", "  ", ":", "27", "0", "f", "x.c", "??", "\t", "\r",
            "\u0085", " (discriminator 3)", "(discriminator ", ")", "--- ", "0x", "40", "g", ": ", "/a b/", "\u00e9"};

    @Test
    void readsTheLinesMonitorsPrint() {
        assertThat(MonitorLineScanner.scan("0x400d276d: leak_some_memory at /path/blink.c:27"))
                .isEqualTo(new MonitorLineScanner.Decoded(0x400d276dL, "leak_some_memory", "/path/blink.c", 27));
        assertThat(MonitorLineScanner.scan("--- 0x4008a2b1: vTaskDelay at /idf/tasks.c:1470 (discriminator 2)  "))
                .isEqualTo(new MonitorLineScanner.Decoded(0x4008a2b1L, "vTaskDelay", "/idf/tasks.c", 1470));
        assertThat(MonitorLineScanner.scan("0x40001234: ?? at ??:0"))
                .isEqualTo(new MonitorLineScanner.Decoded(0x40001234L, "??", "??", 0));
        assertThat(MonitorLineScanner.scan("0x400d276d leak at x.c:1")).isNull();
        assertThat(MonitorLineScanner.scan("0x123456789: f at x.c:1")).as("nine digits").isNull();
    }

    @Test
    void agreesWithTheExpressionItReplacedOnRandomLines() {
        Random random = new Random(16);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder line = new StringBuilder(random.nextInt(4) == 0 ? "--- " : "");
            line.append("0x").append(Integer.toHexString(random.nextInt())).append(random.nextInt(8) == 0 ? ":" : ": ");
            for (int n = random.nextInt(9); n > 0; n--) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = line.toString();
            Matcher m = ORACLE.matcher(text);
            MonitorLineScanner.Decoded decoded = MonitorLineScanner.scan(text);
            if (!m.matches()) {
                assertThat(decoded).as("rejected by the expression: [%s]", text).isNull();
                continue;
            }
            accepted++;
            assertThat(decoded).as("accepted by the expression: [%s]", text).isEqualTo(new MonitorLineScanner.Decoded(
                    Long.parseLong(m.group(1).substring(2), 16), m.group(2), m.group(3),
                    m.group(4) == null ? 0 : SummaryLines.parseInt(m.group(4))));
        }
        assertThat(accepted).as("enough decode lines among the random ones to mean something").isGreaterThan(5_000);
    }

    @Test
    void aLineOfManyAtsIsReadInOnePass() {
        // the expression took 28-39 s on this line; the bound only proves it ends, it measures nothing
        String hostile = "0x40080000: f" + " at x".repeat(16_000) + " at";
        String endless = "0x40080000:  f" + " at x".repeat(16_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(MonitorLineScanner.scan(hostile)).extracting(MonitorLineScanner.Decoded::function).isEqualTo("f");
            assertThat(MonitorLineScanner.scan(endless)).as("a space where the function starts").isNull();
        });
    }
}
