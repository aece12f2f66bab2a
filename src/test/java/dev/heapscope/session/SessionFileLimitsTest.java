package dev.heapscope.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session files made to hurt the reader: bombs, lying headers, bad checksums, JSON of the wrong kind. */
class SessionFileLimitsTest {
    private static final String TRANSCRIPT_LINE = "I (300) cpu_start: hello\n";

    @TempDir
    Path dir;

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

    private static HostileZip withManifest() {
        return new HostileZip().stored(SessionJson.MANIFEST, HostileZip.manifestJson());
    }

    @Test
    void aThreeMegabyteFileExpandingToThreeGibibytesOfTranscriptIsRefused() throws Exception {
        Path file = dir.resolve("bomb.heapscope");
        withManifest().deflatedFill(SessionJson.TRANSCRIPT, (byte) 0, 3 * 1024, -1).writeTo(file);
        assertThat(Files.size(file)).isBetween(1L << 20, 8L << 20);
        assertThatThrownBy(() -> SessionStore.open(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": not a session file HeapScope opens: transcript.bin expands past the 256 MiB it may hold");
    }

    @Test
    void aBombWhoseHeaderClaimsAFewBytesIsStoppedRightAfterThem() throws Exception {
        String why = refusal(withManifest().deflatedFill(SessionJson.TRANSCRIPT, (byte) 0, 3 * 1024, 1000));
        assertThat(why).isEqualTo("damaged session file: transcript.bin expands past the 1000 bytes its header says");
    }

    @Test
    void aManifestOfAGibibyteOfSpacesIsRefusedWithoutReadingIt() throws Exception {
        String honest = refusal(new HostileZip().deflatedFill(SessionJson.MANIFEST, (byte) ' ', 1024, -1)
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE));
        assertThat(honest).isEqualTo("not a session file HeapScope opens: manifest.json expands past the 64 KiB it may hold");
        String lying = refusal(new HostileZip().deflatedFill(SessionJson.MANIFEST, (byte) ' ', 1024, 50_000)
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE));
        assertThat(lying).isEqualTo("damaged session file: manifest.json expands past the 50000 bytes its header says");
    }

    @Test
    void aManifestOfOnlySpacesIsEmptyInPlainWords() throws Exception {
        String why = refusal(new HostileZip().stored(SessionJson.MANIFEST, " ".repeat(1000))
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE));
        assertThat(why).isEqualTo("damaged session file: manifest.json is empty");
    }

    @Test
    void allPartsTogetherMayNotExpandPastTheTotalBound() throws Exception {
        // each part within its own bound, together past the 320 MiB a file may expand to
        String why = refusal(withManifest().deflatedFill(SessionJson.TRANSCRIPT, (byte) '\n', 250, -1)
                .deflatedFill(SessionJson.COMMANDS, (byte) ' ', 30, -1)
                .deflatedFill(SessionJson.MARKERS, (byte) ' ', 30, -1)
                .deflatedFill(SessionJson.SAMPLES, (byte) ' ', 30, -1));
        assertThat(why).isEqualTo("not a session file HeapScope opens: it expands past the 320 MiB a session file may hold");
    }

    @Test
    void aStoredEntryWithAWrongChecksumIsRefused() throws Exception {
        byte[] transcript = TRANSCRIPT_LINE.getBytes(StandardCharsets.US_ASCII);
        String why = refusal(withManifest().storedWithCrc(SessionJson.TRANSCRIPT, transcript, 0x12345678L));
        assertThat(why).isEqualTo("damaged session file: transcript.bin does not match its checksum "
                + "(its bytes were changed or cut)");
    }

    @Test
    void aStoredEntryWithTheRightChecksumOpens() throws Exception {
        Path file = dir.resolve("fine.heapscope");
        withManifest().stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE).writeTo(file);
        assertThat(SessionStore.open(file).transcriptBytes()).isEqualTo(TRANSCRIPT_LINE.length());
    }

    @Test
    void aFolderWhereTheTranscriptShouldBeIsRefused() throws Exception {
        String why = refusal(withManifest().stored(SessionJson.TRANSCRIPT + "/", ""));
        assertThat(why).isEqualTo("damaged session file: transcript.bin is a folder, not a file");
    }

    @Test
    void valuesOfTheWrongKindAreRefusedByPartAndPlace() throws Exception {
        assertThat(refusal(new HostileZip().stored(SessionJson.MANIFEST, "{\"formatVersion\": \"1\"}")
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)))
                .isEqualTo("damaged session file: manifest.json holds a value of the wrong kind at formatVersion (line 1, column 19)");
        assertThat(refusal(new HostileZip().stored(SessionJson.MANIFEST, "[1, 2]")
                .stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)))
                .startsWith("damaged session file: manifest.json is not the kind of JSON a session file holds");
        assertThat(refusal(withManifest().stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)
                .stored(SessionJson.MARKERS, "[{\"kind\": \"DUMP\", \"hostMillis\": 1.5}]")))
                .startsWith("damaged session file: markers.json holds a value of the wrong kind at [0].hostMillis");
        assertThat(refusal(withManifest().stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)
                .stored(SessionJson.MARKERS, "[{\"kind\": \"EXPLODE\", \"hostMillis\": 1}]")))
                .startsWith("damaged session file: markers.json holds a value of the wrong kind at [0].kind");
        assertThat(refusal(withManifest().stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)
                .stored(SessionJson.SAMPLES, "[null]")))
                .isEqualTo("damaged session file: samples.json holds an empty entry");
        assertThat(refusal(withManifest().stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)
                .stored(SessionJson.COMMANDS, "{\"lua\": \"x\"}")))
                .startsWith("damaged session file: commands.json is not the kind of JSON a session file holds");
        assertThat(refusal(withManifest().stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)
                .stored(SessionJson.COMMANDS, "[{\"hostMillis\": 3}]")))
                .isEqualTo("damaged session file: commands.json holds a command without its text");
        assertThat(refusal(withManifest().stored(SessionJson.TRANSCRIPT, TRANSCRIPT_LINE)
                .stored(SessionJson.DUMP_TIMES, "[{\"index\" 1}]")))
                .startsWith("damaged session file: dumps.json is not readable JSON");
    }
}
