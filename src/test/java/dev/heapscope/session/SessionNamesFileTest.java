package dev.heapscope.session;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code names.json}: names and holders kept with a session; older files without it; hostile entries refused in one line. */
class SessionNamesFileTest {
    private static final int FRAME = 0x400e1a2c;

    @TempDir
    Path dir;

    private Path oldFormat() throws IOException {
        Path file = dir.resolve("old.heapscope");
        try (InputStream in = getClass().getResourceAsStream("/sessions/nodemcu-session-v1.heapscope")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void aSessionFileFromBeforeNamesWereKeptStillOpensWithoutThem() throws Exception {
        Path file = oldFormat();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry(SessionJson.NAMES)).as("the old format").isNull();
        }
        SavedSession opened = SessionStore.open(file);
        assertThat(opened.dumps()).hasSize(2);
        assertThat(opened.names().isEmpty()).isTrue();
        assertThat(opened.heldBy().pathOf(opened.dumps().get(1).records().get(0))).isEmpty();
        assertThat(opened.symbolizer().resolve(FRAME)).isEmpty();
    }

    @Test
    void namesAndHoldersSavedWithASessionComeBackFromTheFile() throws Exception {
        SavedSession old = SessionStore.open(oldFormat());
        Dump last = old.dumps().get(1);
        Record held = last.records().get(0);
        SymbolTable names = new SymbolTable();
        names.add(new Symbol(FRAME, "on_tick", "app.lua", 29));
        RetainingPath path = new RetainingPath(List.of("_G", ".readings", "[*]"), "_G.readings[3]");
        SavedSession saved = SavedSession.of(old.snapshot(), old.transcript(), "esp32-devkitc", null, names,
                r -> r.equals(held) ? Optional.of(path) : Optional.empty());
        Path file = dir.resolve("named.heapscope");
        SessionStore.save(saved, file);

        SavedSession opened = SessionStore.open(file);
        assertThat(opened.symbolizer().resolve(FRAME)).contains(new Symbol(FRAME, "on_tick", "app.lua", 29));
        assertThat(opened.symbols()).as("what report counts").contains(new Symbol(FRAME, "on_tick", "app.lua", 29));
        assertThat(opened.heldBy().pathOf(opened.dumps().get(1).records().get(0))).contains(path);
        assertThat(opened.dumps()).extracting(Dump::receivedAtMillis).isEqualTo(old.dumps().stream().map(Dump::receivedAtMillis).toList());
    }

    @Test
    void aGarbledOrHostileNamesEntryIsRefusedInOneLineNamingIt() throws Exception {
        List<String> hostile = List.of(
                "{\"symbols\": [ {\"address\": 12, \"func",
                "[1, 2, 3]",
                "{\"symbols\": [ {\"address\": -5, \"function\": \"f\"} ]}",
                "{\"symbols\": [ {\"address\": 5} ]}",
                "{\"paths\": [ {\"segments\": [], \"concrete\": \"x\"} ]}",
                "{\"paths\": [ {\"segments\": [\"_G\"], \"concrete\": \"_G\"} ], \"held\": [ [1, 2, 7] ]}",
                "{\"held\": [ [1, 2] ]}",
                "{\"symbols\": [ {\"address\": 5, \"function\": \"" + "x".repeat(5000) + "\"} ]}");
        for (String json : hostile) {
            Path file = withNames(json.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> SessionStore.open(file)).as(json.substring(0, Math.min(40, json.length())))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith(file + ": damaged session file: names.json")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception")
                            .doesNotContain("java.").doesNotContain("dev.heapscope").hasSizeLessThan(300));
        }
    }

    @Test
    void anOversizedNamesEntryIsRefusedWithoutReadingItAll() throws Exception {
        Path file = dir.resolve("huge.heapscope");
        Files.copy(oldFormat(), dir.resolve("base.heapscope"));
        try (ZipFile base = new ZipFile(dir.resolve("base.heapscope").toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            copyEntries(base, zip);
            zip.putNextEntry(new ZipEntry(SessionJson.NAMES));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= SessionNamesJson.MAX_BYTES >> 20; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThatThrownBy(() -> SessionStore.open(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": not a session file HeapScope opens: names.json expands past the 64 MiB it may hold");
    }

    private Path withNames(byte[] json) throws IOException {
        Path file = Files.createTempFile(dir, "hostile", ".heapscope");
        try (ZipFile base = new ZipFile(oldFormat().toFile()); OutputStream out = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            copyEntries(base, zip);
            zip.putNextEntry(new ZipEntry(SessionJson.NAMES));
            zip.write(json);
            zip.closeEntry();
        }
        Files.deleteIfExists(dir.resolve("old.heapscope"));
        return file;
    }

    private static void copyEntries(ZipFile from, ZipOutputStream to) throws IOException {
        for (ZipEntry entry : java.util.Collections.list(from.entries())) {
            to.putNextEntry(new ZipEntry(entry.getName()));
            try (InputStream in = from.getInputStream(entry)) {
                in.transferTo(to);
            }
            to.closeEntry();
        }
    }
}
