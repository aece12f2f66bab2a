package dev.heapscope.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs under src/test/resources/logs. */
final class TestLogs {
    private TestLogs() {
    }

    static String text(String name) {
        try (InputStream in = TestLogs.class.getResourceAsStream("/logs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test log " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedLog parse(String name) {
        return new LogParser().parse(text(name));
    }

    static ParsedLog parseStrict(String name) {
        return new LogParser(ParserOptions.STRICT).parse(text(name));
    }
}
