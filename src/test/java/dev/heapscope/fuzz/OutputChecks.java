package dev.heapscope.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oracle for what a command wrote: each format well-formed, errors one line in the user's words. Every
 * method answers {@code null} when the output holds, else what is wrong with it.
 */
final class OutputChecks {
    /** Java's own words: class names, stack frames, exception names, Jackson's and the JDK's messages. */
    private static final Pattern JAVA_WORDING = Pattern.compile("\\bjava\\.|\\bjavax\\.|\\bdev\\.heapscope\\."
            + "|[A-Z][A-Za-z]+(Exception|Error)\\b|\\tat |internal error|No content to map|Unrecognized token"
            + "|Unexpected character|Input length = |arraycopy|byte\\[|vm error");
    private static final Pattern FOLDED_LINE = Pattern.compile("^.+ \\d+$");
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long REPORT_BOUND = 20L << 20;

    private OutputChecks() {
    }

    /** The exit code and the error stream of a command that read this input. */
    static String errors(int exitCode, String err) {
        if (exitCode < 0 || exitCode > 2) {
            return "exit " + exitCode + " (only 0, 1 for a usage error and 2 for unreadable input fit here): " + err;
        }
        Matcher java = JAVA_WORDING.matcher(err);
        if (java.find()) {
            return "Java wording on the error stream (\"" + java.group() + "\"): " + err;
        }
        long errorLines = err.lines().filter(line -> line.startsWith("heapscope: ")).count();
        if (exitCode != 0 && (errorLines != 1 || err.lines().anyMatch(String::isBlank))) {
            return "exit " + exitCode + " without exactly one 'heapscope: ' line: " + err;
        }
        return null;
    }

    static String json(byte[] text) {
        try {
            JSON.readTree(new ByteArrayInputStream(text));
            return null;
        } catch (IOException e) {
            return "not JSON: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    static String folded(String text) {
        return text.lines().filter(line -> !FOLDED_LINE.matcher(line).matches()).findFirst()
                .map(line -> "folded line not 'stack count': " + cut(line)).orElse(null);
    }

    /** What a terminal would act on: ESC, BEL and the other C0 controls except tab and line ends. */
    static String terminal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return String.format("control character U+%04X reaches the terminal near: %s", (int) c,
                        cut(text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40))));
            }
        }
        return null;
    }

    static String html(Path file) throws IOException {
        long size = Files.size(file);
        if (size > REPORT_BOUND) {
            return "report of " + size + " bytes, over the 20 MB bound";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.stripTrailing().endsWith("</html>") ? null : "report without its closing </html>";
    }

    static String svg(Path file) throws IOException {
        long size = Files.size(file);
        if (size > REPORT_BOUND) {
            return "SVG of " + size + " bytes, over the 20 MB bound";
        }
        try {
            javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.newSAXParser().parse(file.toFile(), new org.xml.sax.helpers.DefaultHandler());
            return null;
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            return "SVG not well-formed XML: " + e.getMessage();
        }
    }

    static String png(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (bytes.length < 20 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 8), signature)) {
            return "PNG without its signature (" + bytes.length + " bytes)";
        }
        String tail = new String(bytes, bytes.length - 8, 4, StandardCharsets.ISO_8859_1);
        return "IEND".equals(tail) ? null : "PNG not ended by IEND";
    }

    /** RFC 4180 cells, none of which may start like a formula (OWASP's rule). */
    static String csv(String text) {
        int i = 0;
        while (i < text.length()) {
            StringBuilder cell = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (i < text.length() && !(text.charAt(i) == '"' && (i + 1 >= text.length() || text.charAt(i + 1) != '"'))) {
                    cell.append(text.charAt(i));
                    i += text.charAt(i) == '"' ? 2 : 1;
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    cell.append(text.charAt(i++));
                }
            }
            if (cell.length() > 0 && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
                return "CSV cell starts like a formula: " + cut(cell.toString());
            }
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
                i++;
            }
        }
        return null;
    }

    static String cut(String text) {
        String escaped = text.replace("\u001b", "\\e").replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() > 160 ? escaped.substring(0, 160) + "…" : escaped;
    }
}
