package dev.heapscope.session;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    static final String HEAP_SNAPSHOTS = "snapshots.json";

    // Strict on types (no "12" for 12, no 1.5 for a long) so a tampered file is refused, not
    // half-read; lenient on unknown fields so files of a later minor version still open.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
        SessionManifest manifest = readPart(MANIFEST, json, new TypeReference<SessionManifest>() { });
        if (manifest == null) {
            throw new IOException(MANIFEST + " is empty");
        }
        return manifest;
    }

    static List<Marker> markers(byte[] json) throws IOException {
        List<Marker> markers = listPart(MARKERS, json, new TypeReference<List<Marker>>() { });
        if (markers.stream().anyMatch(m -> m.kind() == null)) {
            throw new IOException(MARKERS + " holds a marker without a kind");
        }
        return markers;
    }

    static List<HeapSample> samples(byte[] json) throws IOException {
        return listPart(SAMPLES, json, new TypeReference<List<HeapSample>>() { });
    }

    static List<SessionSnapshot.SentCommand> commands(byte[] json) throws IOException {
        List<SessionSnapshot.SentCommand> commands = listPart(COMMANDS, json,
                new TypeReference<List<SessionSnapshot.SentCommand>>() { });
        if (commands.stream().anyMatch(c -> c.lua() == null)) {
            throw new IOException(COMMANDS + " holds a command without its text");
        }
        return commands;
    }

    static List<DumpTime> dumpTimes(byte[] json) throws IOException {
        return listPart(DUMP_TIMES, json, new TypeReference<List<DumpTime>>() { });
    }

    private static <T> List<T> listPart(String part, byte[] json, TypeReference<List<T>> type) throws IOException {
        List<T> list = readPart(part, json, type);
        if (list != null && list.contains(null)) {
            throw new IOException(part + " holds an empty entry");
        }
        return orEmpty(list);
    }

    /** Reads one part, wording what is wrong with it by the part and the place, never by the JSON library. */
    private static <T> T readPart(String part, byte[] json, TypeReference<T> type) throws IOException {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new IOException(JsonProblem.describe(part, e));
        }
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
