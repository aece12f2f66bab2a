package dev.heapscope.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.Dump;
import dev.heapscope.parse.ParsedLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpeedscopeWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode export(List<SpeedscopeWriter.Profile> profiles, int active) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SpeedscopeWriter.write(bytes, "test", profiles, active);
        return JSON.readTree(bytes.toByteArray());
    }

    private static List<SpeedscopeWriter.Profile> profilesOf(ParsedLog log, Weight weight) {
        List<SpeedscopeWriter.Profile> profiles = new ArrayList<>();
        for (Dump dump : log.dumps()) {
            profiles.add(new SpeedscopeWriter.Profile("dump #" + (dump.index() + 1),
                    CallTree.of(dump.liveRecords(), weight, FrameNamer.hexOnly())));
        }
        return profiles;
    }

    /** The fields the speedscope file-format schema requires of a file and of a sampled profile. */
    static void assertValidSpeedscope(JsonNode file) {
        assertThat(file.get("$schema").asText()).isEqualTo("https://www.speedscope.app/file-format-schema.json");
        JsonNode frames = file.get("shared").get("frames");
        assertThat(frames.isArray()).isTrue();
        for (JsonNode frame : frames) {
            assertThat(frame.get("name").isTextual()).isTrue();
        }
        assertThat(file.get("profiles").isArray()).isTrue();
        for (JsonNode profile : file.get("profiles")) {
            assertThat(profile.get("type").asText()).isEqualTo("sampled");
            assertThat(profile.get("name").isTextual()).isTrue();
            assertThat(profile.get("unit").asText()).isIn("none", "nanoseconds", "microseconds", "milliseconds",
                    "seconds", "bytes");
            assertThat(profile.get("startValue").isNumber()).isTrue();
            assertThat(profile.get("endValue").isNumber()).isTrue();
            JsonNode samples = profile.get("samples");
            JsonNode weights = profile.get("weights");
            assertThat(samples.isArray()).isTrue();
            assertThat(weights.isArray()).isTrue();
            assertThat(weights.size()).isEqualTo(samples.size());
            for (JsonNode sample : samples) {
                for (JsonNode index : sample) {
                    assertThat(index.isInt()).isTrue();
                    assertThat(index.asInt()).isBetween(0, frames.size() - 1);
                }
            }
        }
        if (file.has("activeProfileIndex")) {
            assertThat(file.get("activeProfileIndex").asInt()).isBetween(0, file.get("profiles").size() - 1);
        }
    }

    /** Rebuilds the tree of one profile from its samples and weights, as speedscope does. */
    static CallTree rebuild(JsonNode file, int profileIndex, Weight weight) {
        JsonNode frames = file.get("shared").get("frames");
        JsonNode profile = file.get("profiles").get(profileIndex);
        CallTree.Builder builder = new CallTree.Builder(weight);
        for (int i = 0; i < profile.get("samples").size(); i++) {
            List<String> stack = new ArrayList<>();
            for (JsonNode index : profile.get("samples").get(i)) {
                stack.add(frames.get(index.asInt()).get("name").asText());
            }
            builder.addStack(stack, profile.get("weights").get(i).asLong());
        }
        return builder.build();
    }

    @Test
    void everySharedLogGivesAValidFileWhoseProfilesRebuildTheSameTrees() throws IOException {
        for (Path file : ExportFixtures.sharedLogs()) {
            ParsedLog log = ExportFixtures.parse(file);
            List<SpeedscopeWriter.Profile> profiles = profilesOf(log, Weight.BYTES);
            JsonNode exported = export(profiles, profiles.size() - 1);
            assertValidSpeedscope(exported);
            assertThat(exported.get("profiles").size()).as(file.toString()).isEqualTo(log.dumps().size());
            for (int i = 0; i < profiles.size(); i++) {
                CallTree original = profiles.get(i).tree();
                assertThat(rebuild(exported, i, Weight.BYTES)).as(file + " dump " + i).isEqualTo(original);
                JsonNode profile = exported.get("profiles").get(i);
                assertThat(profile.get("unit").asText()).isEqualTo("bytes");
                assertThat(profile.get("endValue").asLong()).isEqualTo(original.totalValue());
            }
        }
    }

    @Test
    void framesAreSharedBetweenProfilesAndCountsUseUnitNone() throws IOException {
        ParsedLog log = ExportFixtures.parse(ExportFixtures.sharedLog("nodemcu-session-idf51.log"));
        JsonNode exported = export(profilesOf(log, Weight.COUNT), 1);
        assertValidSpeedscope(exported);
        List<String> names = new ArrayList<>();
        exported.get("shared").get("frames").forEach(frame -> names.add(frame.get("name").asText()));
        assertThat(names).doesNotHaveDuplicates().contains("0x400e1a2c", "0x400d2e10");
        assertThat(exported.get("profiles").get(1).get("unit").asText()).isEqualTo("none");
        assertThat(exported.get("profiles").get(1).get("endValue").asLong()).isEqualTo(6);
        assertThat(exported.get("activeProfileIndex").asInt()).isEqualTo(1);
        // the first profile's only stack reuses frame indexes the second one also uses
        JsonNode firstSample = exported.get("profiles").get(0).get("samples").get(0);
        assertThat(exported.get("profiles").get(1).get("samples").toString()).contains(firstSample.toString());
    }

    @Test
    void samplesListFramesOutermostFirst() throws IOException {
        ParsedLog log = ExportFixtures.parse(ExportFixtures.sharedLog("nodemcu-session-idf51.log"));
        JsonNode exported = export(profilesOf(log, Weight.BYTES).subList(0, 1), 0);
        JsonNode frames = exported.get("shared").get("frames");
        JsonNode sample = exported.get("profiles").get(0).get("samples").get(0);
        // the firmware prints 0x400e1a2c:0x400e1d50:0x400f3c12 innermost first
        assertThat(frames.get(sample.get(0).asInt()).get("name").asText()).isEqualTo("0x400f3c12");
        assertThat(frames.get(sample.get(2).asInt()).get("name").asText()).isEqualTo("0x400e1a2c");
    }
}
