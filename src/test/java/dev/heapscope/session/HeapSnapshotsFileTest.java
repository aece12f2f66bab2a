package dev.heapscope.session;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.HeapSnapshot.HeapObject;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.symbols.Symbolizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshots.json}: the heap snapshots shown in Retained by, kept with a session; older files without it;
 * entries made to hurt the reader refused in one line.
 */
class HeapSnapshotsFileTest {
    private static final String TRANSCRIPT_LINE = "I (300) cpu_start: hello\n";
    private static final RetainingPath CACHE = new RetainingPath(List.of("_G", ".cache", "[*]"), "_G.cache[1]");
    private static final RetainingPath UPVALUE = new RetainingPath(List.of("_G", ".handler", " \u25b8 upvalue 'h\u00e9'"),
            "_G.handler \u25b8 upvalue 'h\u00e9'");

    @TempDir
    Path dir;

    private Path oldFormat() throws IOException {
        Path file = dir.resolve("old.heapscope");
        try (InputStream in = getClass().getResourceAsStream("/sessions/nodemcu-session-v1.heapscope")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<HeapSnapshot> shown() {
        HeapSnapshot before = new HeapSnapshot(1, "before", 1_000, List.of(
                new HeapObject(0x3ffb1000, 56, "table", CACHE),
                new HeapObject(0xbfff0010, 24, "string", RetainingPath.UNREACHABLE)));
        HeapSnapshot agent = new HeapSnapshot(2, "after \u00b7 agent, estimated, INCOMPLETE: board reset", 0, List.of(
                new HeapObject(1, 40, "table", CACHE),
                new HeapObject(2, 40, "table", CACHE),
                new HeapObject(3, 28, "function", UPVALUE)));
        HeapSnapshot unlabelled = new HeapSnapshot(3, null, -5, List.of());
        return List.of(before, agent, unlabelled);
    }

    private Path saved(List<HeapSnapshot> heaps) throws IOException {
        SavedSession old = SessionStore.open(oldFormat());
        Path file = dir.resolve("with-snapshots.heapscope");
        SessionStore.save(SavedSession.of(old.snapshot(), old.transcript(), null, null, Symbolizer.NONE, HeldBy.UNKNOWN,
                heaps), file);
        return file;
    }

    @Test
    void aSessionFileFromBeforeSnapshotsWereKeptStillOpensWithoutThem() throws Exception {
        Path file = oldFormat();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry(SessionJson.HEAP_SNAPSHOTS)).as("the old format").isNull();
        }
        SavedSession opened = SessionStore.open(file);
        assertThat(opened.dumps()).hasSize(2);
        assertThat(opened.heapSnapshots()).isEmpty();
    }

    @Test
    void theSnapshotsShownComeBackFromTheFileEqualInNumberLabelTimeAndEveryObject() throws Exception {
        List<HeapSnapshot> heaps = shown();
        SavedSession opened = SessionStore.open(saved(heaps));
        assertThat(opened.heapSnapshots()).isEqualTo(heaps);
        assertThat(opened.dumps()).as("the dumps still come from the transcript").hasSize(2);
        // saved again from what was opened (File › Save of a file shown): the same again
        Path again = dir.resolve("again.heapscope");
        SessionStore.save(opened, again);
        assertThat(SessionStore.open(again).heapSnapshots()).isEqualTo(heaps);
    }

    @Test
    void theCommandLineOpensTheSameSessionWithoutBuildingSnapshotsItNeverShows() throws Exception {
        Path file = saved(shown());
        SavedSession forTheCli = SessionStore.openWithoutHeapSnapshots(file);
        assertThat(forTheCli.heapSnapshots()).isEmpty();
        assertThat(forTheCli.dumps()).hasSize(SessionStore.open(file).dumps().size()).hasSize(2);
        // a snapshots entry that does not parse: the app refuses the file, the command line reads its dumps
        Path odd = dir.resolve("odd.heapscope");
        new HostileZip().stored(SessionJson.MANIFEST, HostileZip.manifestJson()).stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)
                .stored(SessionJson.HEAP_SNAPSHOTS, "{\"version\":1,\"snapshots\":\"none\"}").writeTo(odd);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SessionStore.open(odd))).isInstanceOf(IOException.class);
        assertThat(SessionStore.openWithoutHeapSnapshots(odd).heapSnapshots()).isEmpty();
    }

    @Test
    void whatTheReaderWouldRefuseIsCutByTheWriterSoASaveAlwaysOpens() throws Exception {
        List<String> alternating = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            alternating.add(i % 2 == 0 ? ".a" : ".b");
        }
        alternating.set(0, "_G");
        RetainingPath long1 = new RetainingPath(alternating, "x".repeat(10_000));
        HeapSnapshot big = new HeapSnapshot(1, "L".repeat(9_000), 0, List.of(new HeapObject(1, 16, "table", long1)));
        HeapSnapshot opened = SessionStore.open(saved(List.of(big))).heapSnapshots().get(0);
        assertThat(opened.label()).hasSize(HeapSnapshotsJson.MAX_TEXT).endsWith("\u2026");
        RetainingPath path = opened.objects().get(0).path();
        assertThat(path.segments()).hasSize(HeapSnapshotsJson.MAX_STEPS).startsWith("_G", ".b").endsWith(".a", ".b");
        assertThat(path.segments().get(HeapSnapshotsJson.MAX_STEPS / 2 - 1)).contains("more");
        assertThat(path.concrete()).hasSize(HeapSnapshotsJson.MAX_TEXT);
    }

    private String refusal(String json) throws IOException {
        return refusal(new HostileZip().stored(SessionJson.MANIFEST, HostileZip.manifestJson())
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE).stored(SessionJson.HEAP_SNAPSHOTS, json));
    }

    private String refusal(HostileZip zip) throws IOException {
        Path file = dir.resolve("hostile.heapscope");
        zip.writeTo(file);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SessionStore.open(file));
        assertThat(thrown).isInstanceOf(IOException.class);
        String message = thrown.getMessage();
        assertThat(message).startsWith(file + ": ").doesNotContain("\n", "java", "Exception", "No content to map",
                "deserialize", "Cannot ", "`");
        return message.substring(file.toString().length() + 2);
    }

    private static String entry(String paths, String snapshot) {
        return "{\"version\":1,\"types\":[\"table\"],\"steps\":[\"_G\",\".a\"],\"paths\":[" + paths + "],"
                + "\"snapshots\":[" + snapshot + "]}";
    }

    private static final String PATH = "{\"steps\":[0,1],\"concrete\":\"_G.a\"}";

    @Test
    void entriesOfTheWrongKindAreRefusedByPlace() throws Exception {
        assertThat(refusal(entry(PATH, "{\"number\":1,\"addresses\":[1],\"sizes\":[\"big\"],\"typeOf\":[0],\"pathOf\":[0]}")))
                .startsWith("damaged session file: snapshots.json holds a value of the wrong kind at snapshots[0].sizes[0]");
        assertThat(refusal(entry(PATH, "{\"number\":1.5,\"addresses\":[],\"sizes\":[],\"typeOf\":[],\"pathOf\":[]}")))
                .startsWith("damaged session file: snapshots.json holds a value of the wrong kind at snapshots[0].number");
        assertThat(refusal("[1, 2, 3]"))
                .startsWith("damaged session file: snapshots.json is not the kind of JSON a session file holds");
        assertThat(refusal("{\"version\": 1, \"snapshots\": [")).startsWith("damaged session file: snapshots.json is not readable JSON");
        assertThat(refusal("")).isEqualTo("damaged session file: snapshots.json is empty");
        assertThat(refusal("[".repeat(100_000))).startsWith("damaged session file: snapshots.json ");
    }

    @Test
    void entriesThatDoNotHoldTogetherAreRefusedInOneLine() throws Exception {
        assertThat(refusal(entry(PATH, "{\"number\":1,\"addresses\":[1,2],\"sizes\":[8],\"typeOf\":[0,0],\"pathOf\":[0,0]}")))
                .isEqualTo("damaged session file: snapshots.json is malformed: snapshot #1 lists its objects' columns "
                        + "with different lengths");
        assertThat(refusal(entry(PATH, "{\"number\":1,\"addresses\":[1],\"sizes\":[8],\"typeOf\":[0],\"pathOf\":[7]}")))
                .isEqualTo("damaged session file: snapshots.json is malformed: object 1 of snapshot #1 has a negative "
                        + "size or names a type or path the entry does not hold");
        assertThat(refusal(entry(PATH, "{\"number\":1,\"addresses\":[1],\"sizes\":[-8],\"typeOf\":[0],\"pathOf\":[0]}")))
                .contains("has a negative size");
        assertThat(refusal(entry("{\"steps\":[0,9],\"concrete\":\"_G.a\"}", "")))
                .isEqualTo("damaged session file: snapshots.json is malformed: a retaining path names a step the entry "
                        + "does not hold");
        assertThat(refusal(entry("{\"steps\":[],\"concrete\":\"_G\"}", "")))
                .startsWith("damaged session file: snapshots.json is malformed: a retaining path has no steps");
        assertThat(refusal(entry(PATH, "null"))).isEqualTo("damaged session file: snapshots.json is malformed: "
                + "a snapshot has no objects listed");
        assertThat(refusal(entry(PATH, "{\"number\":0,\"addresses\":[],\"sizes\":[],\"typeOf\":[],\"pathOf\":[]}")))
                .startsWith("damaged session file: snapshots.json is malformed: a snapshot has no valid number");
        assertThat(refusal("{\"version\":7}")).isEqualTo("damaged session file: snapshots.json was written by a "
                + "newer HeapScope (its version 7; this one reads 1 and older)");
        assertThat(refusal("{\"version\":0}")).isEqualTo("damaged session file: snapshots.json is malformed: it has "
                + "no valid version");
    }

    @Test
    void tooManySnapshotsObjectsOrTooLongTextsAreRefusedBeforeAnyIsBuilt() throws Exception {
        String empty = "{\"number\":1,\"addresses\":[],\"sizes\":[],\"typeOf\":[],\"pathOf\":[]}";
        assertThat(refusal(entry(PATH, String.join(",", Collections.nCopies(HeapSnapshotsJson.MAX_SNAPSHOTS + 1, empty)))))
                .isEqualTo("damaged session file: snapshots.json is malformed: more than 4096 snapshots");
        String zeros = String.join(",", Collections.nCopies(HeapSnapshotsJson.MAX_OBJECTS + 1, "0"));
        assertThat(refusal(entry(PATH, "{\"number\":1,\"addresses\":[" + zeros + "],\"sizes\":[],\"typeOf\":[],\"pathOf\":[]}")))
                .isEqualTo("damaged session file: snapshots.json is malformed: more than 1048576 objects in all");
        assertThat(refusal(entry("{\"steps\":[0],\"concrete\":\"" + "x".repeat(5_000) + "\"}", "")))
                .startsWith("damaged session file: snapshots.json is malformed: a retaining path has");
        assertThat(refusal("{\"version\":1,\"steps\":[\"" + "y".repeat(5_000) + "\"]}"))
                .isEqualTo("damaged session file: snapshots.json is malformed: one of its path steps is missing or "
                        + "longer than 4096 characters");
    }

    @Test
    void aBombOfAnEntryIsStoppedAtItsBound() throws Exception {
        String why = refusal(new HostileZip().stored(SessionJson.MANIFEST, HostileZip.manifestJson())
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE).deflatedFill(SessionJson.HEAP_SNAPSHOTS, (byte) ' ', 100, -1));
        assertThat(why).isEqualTo("not a session file HeapScope opens: snapshots.json expands past the 32 MiB it may hold");
        String lying = refusal(new HostileZip().stored(SessionJson.MANIFEST, HostileZip.manifestJson())
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE).deflatedFill(SessionJson.HEAP_SNAPSHOTS, (byte) ' ', 100, 2_000));
        assertThat(lying).isEqualTo("damaged session file: snapshots.json expands past the 2000 bytes its header says");
    }
}
