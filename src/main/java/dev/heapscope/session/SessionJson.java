package dev.heapscope.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.heapscope.model.HeapSample;

import java.io.IOException;
import java.util.List;

/** The JSON parts of a saved or autosaved session, read and written the same way by both. */
final class SessionJson {
    static final String MANIFEST = "manifest.json";
    static final String TRANSCRIPT = "transcript.bin";
    static final String COMMANDS = "commands.json";
    static final String MARKERS = "markers.json";
    static final String SAMPLES = "samples.json";
    static final String DUMP_TIMES = "dumps.json";
    static final String NAMES = "names.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** When each dump arrived: the re-parsed dumps get their host times back from this. */
    record DumpTime(int index, long receivedAtMillis) {
    }

    private SessionJson() {
    }

    static byte[] write(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Without indentation: for parts that may hold a hundred thousand entries. */
    static byte[] writeCompact(Object value) throws IOException {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
    }

    static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    static SessionManifest manifest(byte[] json) throws IOException {
        SessionManifest manifest = MAPPER.readValue(json, SessionManifest.class);
        if (manifest == null) {
            throw new IOException("the manifest is empty");
        }
        return manifest;
    }

    static List<Marker> markers(byte[] json) throws IOException {
        return orEmpty(MAPPER.readValue(json, new TypeReference<List<Marker>>() { }));
    }

    static List<HeapSample> samples(byte[] json) throws IOException {
        return orEmpty(MAPPER.readValue(json, new TypeReference<List<HeapSample>>() { }));
    }

    static List<SessionSnapshot.SentCommand> commands(byte[] json) throws IOException {
        return orEmpty(MAPPER.readValue(json, new TypeReference<List<SessionSnapshot.SentCommand>>() { }));
    }

    static List<DumpTime> dumpTimes(byte[] json) throws IOException {
        return orEmpty(MAPPER.readValue(json, new TypeReference<List<DumpTime>>() { }));
    }

    /** Refuses files from a newer HeapScope instead of misreading them. */
    static void checkVersion(SessionManifest manifest, String where) throws IOException {
        if (manifest.formatVersion() > SessionManifest.FORMAT_VERSION) {
            throw new IOException(where + ": written by a newer HeapScope (" + manifest.heapscopeVersion()
                    + ", session format " + manifest.formatVersion() + "); this HeapScope reads format "
                    + SessionManifest.FORMAT_VERSION + " and older. Update HeapScope to open it.");
        }
        if (manifest.formatVersion() < 1) {
            throw new IOException(where + ": the manifest has no valid format version (" + manifest.formatVersion() + ")");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
