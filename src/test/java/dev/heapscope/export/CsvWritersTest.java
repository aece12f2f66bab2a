package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.TestRecords;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Symbol;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWritersTest {

    private static String golden(String name) throws Exception {
        Path path = Path.of(CsvWritersTest.class.getResource("/export/" + name).toURI());
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    @Test
    void recordsCsvOfTheAllModeSampleMatchesItsGoldenFile() throws Exception {
        ParsedLog log = ExportFixtures.parse(ExportFixtures.sharedLog("dialect-b-all-psram-overflow.log"));
        StringBuilder csv = new StringBuilder();
        new CsvWriter().write(log.dumps(), csv);
        assertThat(csv.toString()).isEqualTo(golden("dialect-b-all-psram-overflow.csv"));
    }

    @Test
    void leaksCsvOfTheDialectASampleMatchesItsGoldenFile() throws Exception {
        ParsedLog log = ExportFixtures.parse(ExportFixtures.sharedLog("dialect-a-idf44-leaks.log"));
        SymbolTable names = new SymbolTable();
        log.symbols().forEach(names::add);
        StringBuilder csv = new StringBuilder();
        new LeaksCsvWriter(new FrameNamer(names)).write(LeakTable.of(log.dumps().get(0)), csv);
        assertThat(csv.toString()).isEqualTo(golden("dialect-a-idf44-leaks.leaks.csv"));
    }

    @Test
    void namesWithCommasQuotesAndLineBreaksAreQuotedPerRfc4180() throws IOException {
        SymbolTable names = new SymbolTable();
        names.add(new Symbol(0x400d1111, "say \"hi\", then\nleave", null, 0));
        Dump dump = TestRecords.dump(List.of(TestRecords.live(8, 0x3ffb0000, 0x400d1111)));
        StringBuilder csv = new StringBuilder();
        new CsvWriter(names).write(List.of(dump), csv);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).endsWith(",callerNames,freedByNames");
        // the namer turns the line break into a space; the quotes and comma still need quoting
        assertThat(lines[1]).isEqualTo("1,0,8,0x3ffb0000,Internal,0,0x00000000,false,0x400d1111,,"
                + "\"say \"\"hi\"\", then leave\",");
        assertThat(parseRow(lines[1])).hasSize(12).contains("say \"hi\", then leave");
    }

    @Test
    void everyRecordOfEverySharedLogBecomesOneRowWithTheSameFieldCount() throws IOException {
        for (Path file : ExportFixtures.sharedLogs()) {
            ParsedLog log = ExportFixtures.parse(file);
            StringBuilder csv = new StringBuilder();
            new CsvWriter().write(log.dumps(), csv);
            String[] lines = csv.toString().split("\r\n");
            int records = log.dumps().stream().mapToInt(d -> d.records().size()).sum();
            assertThat(lines).as(file.toString()).hasSize(records + 1);
            for (String line : lines) {
                assertThat(parseRow(line)).as(line).hasSize(10);
            }
        }
    }

    /** A minimal RFC 4180 field splitter for one line without embedded line breaks. */
    static List<String> parseRow(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
