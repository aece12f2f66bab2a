package dev.heapscope.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes call trees as a speedscope file (https://www.speedscope.app/file-format-schema.json): one
 * {@code sampled} profile per tree, unit {@code bytes} (or {@code none} for allocation counts), one
 * sample per stack with its self value as the weight, frame indexes outermost first. Frames are
 * shared by all profiles. Streamed in one pass: {@code shared} is written after {@code profiles}
 * (JSON objects are unordered), so no stack is held in memory.
 */
public final class SpeedscopeWriter {
    static final String SCHEMA = "https://www.speedscope.app/file-format-schema.json";
    private static final JsonFactory FACTORY = new JsonFactory();

    /** One profile of the file: a name speedscope shows in its profile list and the stacks. */
    public record Profile(String name, CallTree tree) {
    }

    private SpeedscopeWriter() {
    }

    /**
     * @param activeProfileIndex the profile speedscope opens first (clamped to the list)
     */
    public static void write(OutputStream out, String documentName, List<Profile> profiles, int activeProfileIndex)
            throws IOException {
        Map<String, Integer> frameIndex = new HashMap<>();
        List<String> frames = new ArrayList<>();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("name", documentName);
            json.writeStringField("exporter", "HeapScope");
            json.writeNumberField("activeProfileIndex",
                    Math.max(0, Math.min(activeProfileIndex, profiles.size() - 1)));
            json.writeArrayFieldStart("profiles");
            for (Profile profile : profiles) {
                writeProfile(json, profile, frameIndex, frames);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("shared");
            json.writeArrayFieldStart("frames");
            for (String frame : frames) {
                json.writeStartObject();
                json.writeStringField("name", frame);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void writeProfile(JsonGenerator json, Profile profile, Map<String, Integer> frameIndex,
                                     List<String> frames) throws IOException {
        CallTree tree = profile.tree();
        json.writeStartObject();
        json.writeStringField("type", "sampled");
        json.writeStringField("name", profile.name());
        json.writeStringField("unit", tree.weight() == Weight.BYTES ? "bytes" : "none");
        json.writeNumberField("startValue", 0);
        json.writeNumberField("endValue", tree.totalValue());
        json.writeArrayFieldStart("samples");
        try {
            tree.forEachStack((outermostFirst, value) -> {
                try {
                    json.writeStartArray();
                    for (String frame : outermostFirst) {
                        Integer index = frameIndex.get(frame);
                        if (index == null) {
                            index = frames.size();
                            frames.add(frame);
                            frameIndex.put(frame, index);
                        }
                        json.writeNumber(index);
                    }
                    json.writeEndArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeArrayFieldStart("weights");
            tree.forEachStack((outermostFirst, value) -> {
                try {
                    json.writeNumber(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException wrapped) {
            throw wrapped.getCause();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
