package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.model.AgentSnapshot;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code heapscope diff} of Lua heap snapshots saved by {@code snapshot --save}: what grew by retaining path
 * ({@link GrowthReport}). With two files, the last snapshot of each; with one, its first and last. JSON:
 * {@code before}, {@code after} (the files), {@code beforeSnapshot}, {@code afterSnapshot} (1-based numbers
 * within them) and {@code snapshots} as in {@code run --snapshot}, with the agent's fields.
 */
final class SnapshotDiff {
    private final PrintStream out;
    private final PrintStream err;

    SnapshotDiff(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int compare(Path beforeFile, Path afterFile, Integer beforeNumber, Integer afterNumber, boolean json)
            throws IOException, InputLog.UnreadableInputException {
        Path after = afterFile == null ? beforeFile : afterFile;
        for (Path file : afterFile == null ? List.of(beforeFile) : List.of(beforeFile, afterFile)) {
            if (InputKind.of(file) != InputKind.SNAPSHOT) {
                err.println("heapscope: " + file + " is not a saved Lua heap snapshot: diff compares two logs or two "
                        + "snapshots saved by 'heapscope snapshot --save'");
                return ExitCodes.USAGE;
            }
        }
        List<AgentSnapshot> beforeAll = SnapshotFile.read(beforeFile);
        List<AgentSnapshot> afterAll = afterFile == null ? beforeAll : SnapshotFile.read(afterFile);
        if (afterFile == null && beforeNumber == null && afterNumber == null && beforeAll.size() < 2) {
            err.println("heapscope: " + beforeFile + " holds one snapshot; name a second file to compare it with");
            return ExitCodes.USAGE;
        }
        int beforeAt = beforeNumber != null ? beforeNumber : afterFile == null ? 1 : beforeAll.size();
        int afterAt = afterNumber != null ? afterNumber : afterAll.size();
        AgentSnapshot before = SnapshotFile.pick(beforeFile, beforeAll, beforeAt);
        AgentSnapshot later = SnapshotFile.pick(after, afterAll, afterAt);
        GrowthReport growth = GrowthReport.ofAgent(before, String.valueOf(beforeFile.getFileName()), later,
                String.valueOf(after.getFileName()));
        if (json) {
            try (JsonGenerator gen = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8)).useDefaultPrettyPrinter()) {
                gen.writeStartObject();
                gen.writeStringField("before", beforeFile.toString());
                gen.writeStringField("after", after.toString());
                gen.writeNumberField("beforeSnapshot", beforeAt);
                gen.writeNumberField("afterSnapshot", afterAt);
                growth.writeJson(gen);
                gen.writeEndObject();
            }
            out.println();
        } else {
            growth.writeText(out);
        }
        growth.warnings().forEach(w -> err.println("heapscope: warning: " + w));
        return ExitCodes.OK;
    }
}
