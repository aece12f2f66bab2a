package dev.heapscope.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Hex;
import dev.heapscope.model.ParseWarning;
import dev.heapscope.model.Record;
import dev.heapscope.model.Summary;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.Symbolizer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Writes dumps as the JSON of {@code heapscope analyze --json}, streamed (a dump may hold a million
 * records). Field names and meanings are a contract that scripts rely on: add fields, never rename.
 */
public final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Symbolizer symbolizer;
    private final HeldBy heldBy;

    /** Without names: records carry addresses only. */
    public JsonWriter() {
        this(null);
    }

    /** With names: every record also gets {@code frames} resolved through {@code symbolizer}. */
    public JsonWriter(Symbolizer symbolizer) {
        this(symbolizer, HeldBy.UNKNOWN);
    }

    /** With names and, where {@code heldBy} knows it, each record's {@code heldBy}: the path that held its block. */
    public JsonWriter(Symbolizer symbolizer, HeldBy heldBy) {
        this.symbolizer = symbolizer;
        this.heldBy = heldBy == null ? HeldBy.UNKNOWN : heldBy;
    }

    /** A generator on {@code out}, as {@link #begin} uses. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    /** Opens the top-level object and writes {@code "dumps":[…]}; the caller may add fields, then close. */
    public JsonGenerator begin(OutputStream out, List<Dump> dumps, boolean pretty) throws IOException {
        JsonGenerator json = generator(out);
        if (pretty) {
            json.useDefaultPrettyPrinter();
        }
        json.writeStartObject();
        json.writeArrayFieldStart("dumps");
        for (Dump dump : dumps) {
            writeDump(json, dump);
        }
        json.writeEndArray();
        return json;
    }

    /** The whole document: {@code {"dumps":[…]}}. */
    public void write(OutputStream out, List<Dump> dumps, boolean pretty) throws IOException {
        try (JsonGenerator json = begin(out, dumps, pretty)) {
            json.writeEndObject();
        }
    }

    private void writeDump(JsonGenerator json, Dump dump) throws IOException {
        writeDumpHead(json, dump);
        for (Record record : dump.records()) {
            writeRecord(json, record);
        }
        writeDumpTail(json, dump);
    }

    /** A dump's fields up to and opening its {@code records} array. */
    void writeDumpHead(JsonGenerator json, Dump dump) throws IOException {
        json.writeStartObject();
        json.writeNumberField("index", dump.index());
        json.writeStringField("dialect", dump.dialect().name());
        json.writeBooleanField("complete", dump.complete());
        json.writeNumberField("firstLine", dump.firstLine());
        json.writeNumberField("lastLine", dump.lastLine());
        if (dump.receivedAtMillis() >= 0) {
            json.writeNumberField("receivedAtMillis", dump.receivedAtMillis());
        }
        if (dump.header() == null) {
            json.writeNullField("header");
        } else {
            json.writeObjectFieldStart("header");
            json.writeNumberField("records", dump.header().records());
            json.writeNumberField("capacity", dump.header().capacity());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("records");
    }

    /** Closes the {@code records} array; the dump's summary and warnings. */
    void writeDumpTail(JsonGenerator json, Dump dump) throws IOException {
        json.writeEndArray();
        writeSummary(json, dump.summary());
        json.writeArrayFieldStart("warnings");
        for (ParseWarning warning : dump.warnings()) {
            json.writeString(warning.toString());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    void writeRecord(JsonGenerator json, Record record) throws IOException {
        json.writeStartObject();
        json.writeNumberField("size", record.sizeBytes());
        json.writeStringField("address", Hex.of(record.address()));
        if (record.region() == null) {
            json.writeNullField("region");
        } else {
            json.writeStringField("region", record.region().label());
        }
        json.writeNumberField("cpu", record.cpu());
        json.writeStringField("ccount", Hex.of(record.ccount()));
        writeChain(json, "caller", record.caller());
        json.writeBooleanField("freed", record.freed());
        writeChain(json, "freedBy", record.freedBy());
        if (record.lineNumber() > 0) {
            json.writeNumberField("line", record.lineNumber());
        }
        if (symbolizer != null) {
            writeFrames(json, record.caller());
        }
        java.util.Optional<dev.heapscope.model.RetainingPath> path = heldBy.pathOf(record);
        if (path.isPresent()) {
            json.writeStringField("heldBy", path.get().concrete());
        }
        json.writeEndObject();
    }

    /** {@code "frames":[{"address","function","file","line"}]}, innermost first; unknowns keep nulls. */
    public void writeFrames(JsonGenerator json, CallChain chain) throws IOException {
        json.writeArrayFieldStart("frames");
        for (int i = 0; i < chain.depth(); i++) {
            int address = chain.frame(i);
            Optional<Symbol> symbol = symbolizer == null ? Optional.empty() : symbolizer.resolve(address);
            json.writeStartObject();
            json.writeStringField("address", Hex.of(address));
            json.writeBooleanField("code", dev.heapscope.symbols.CodeRegions.isCode(address));
            json.writeStringField("function", symbol.map(Symbol::function).orElse(null));
            json.writeStringField("file", symbol.map(Symbol::file).orElse(null));
            if (symbol.isPresent() && symbol.get().line() > 0) {
                json.writeNumberField("line", symbol.get().line());
            } else {
                json.writeNullField("line");
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeChain(JsonGenerator json, String field, CallChain chain) throws IOException {
        json.writeArrayFieldStart(field);
        for (int i = 0; i < chain.depth(); i++) {
            json.writeString(Hex.of(chain.frame(i)));
        }
        json.writeEndArray();
    }

    private static void writeSummary(JsonGenerator json, Summary summary) throws IOException {
        if (summary == null) {
            json.writeNullField("summary");
            return;
        }
        json.writeObjectFieldStart("summary");
        if (summary.mode() == null) {
            json.writeNullField("mode");
        } else {
            json.writeStringField("mode", summary.mode().word());
        }
        json.writeNumberField("bytes", summary.bytes());
        json.writeNumberField("allocations", summary.allocations());
        writeNullable(json, "recordsInTrace", summary.recordsInTrace());
        json.writeNumberField("totalAllocations", summary.totalAllocations());
        json.writeNumberField("totalFrees", summary.totalFrees());
        writeNullable(json, "records", summary.recordsInBuffer());
        writeNullable(json, "capacity", summary.capacity());
        writeNullable(json, "highWaterMark", summary.highWaterMark());
        json.writeBooleanField("overflowed", summary.overflowed());
        json.writeBooleanField("mayHaveDuplicates", summary.mayHaveDuplicates());
        if (summary.hashmap() != null) {
            json.writeObjectFieldStart("hashmap");
            json.writeNumberField("capacity", summary.hashmap().capacity());
            json.writeNumberField("hits", summary.hashmap().hits());
            json.writeNumberField("misses", summary.hashmap().misses());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeNullable(JsonGenerator json, String field, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
