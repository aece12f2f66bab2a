package dev.heapscope.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.DumpHeader;
import dev.heapscope.model.Record;
import dev.heapscope.parse.DumpListener;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@code analyze --json} of a streamed log, byte for byte what {@link JsonWriter#write} gives for the same
 * log parsed whole, with memory flat in the records. A dump's first fields (its dialect, whether it is
 * complete, its last line) are known only at its end, so the text is read twice: the first pass
 * ({@link StreamedLog#read}) found the dumps, this second one writes each record as it is read.
 */
public final class StreamedJson {
    private StreamedJson() {
    }

    /** The whole document, {@code {"dumps":[…]}}, through {@code writer}; a log parsed whole is written as is. */
    public static void write(JsonWriter writer, StreamedLog streamed, OutputStream out) throws IOException {
        if (streamed.wholeDumps()) {
            writer.write(out, streamed.log().dumps(), false);
            return;
        }
        // a dump the capped first pass did not keep (LogParser.MAX_STREAMED_DUMPS) is left out here too
        ParsedLog log = streamed.log();
        try (JsonGenerator json = JsonWriter.generator(out); InputStream in = streamed.reopen()) {
            json.writeStartObject();
            json.writeArrayFieldStart("dumps");
            new LogParser().stream(in, new DumpListener() {
                private int index = -1;
                private Dump kept;

                @Override
                public void dumpStarted(Dialect dialect, DumpHeader header, long lineNumber) {
                    kept = log.dump(++index);
                    if (kept != null) {
                        write(() -> writer.writeDumpHead(json, kept));
                    }
                }

                @Override
                public void recordParsed(Record record) {
                    if (kept != null) {
                        write(() -> writer.writeRecord(json, record));
                    }
                }

                @Override
                public void dumpParsed(Dump dump) {
                    if (kept != null) {
                        write(() -> writer.writeDumpTail(json, kept));
                    }
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        } catch (UncheckedIOException wrapped) {
            throw wrapped.getCause();
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private static void write(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
