package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Hex;
import dev.heapscope.model.Record;
import dev.heapscope.symbols.Symbolizer;

import java.io.IOException;
import java.util.List;

/**
 * Writes records as CSV (RFC 4180, CRLF, a header row), one row per record in dump order:
 * {@code dump,index,size,address,region,cpu,ccount,freed,caller,freedBy} and, when a symbolizer is
 * given, {@code callerNames,freedByNames}. Dumps are numbered from 1 as the CLI shows them, indexes
 * from 0 (the record's position in its dump); chains are innermost first, colon-separated as the
 * firmware prints them; names are joined by {@code " <- "}. Streams: nothing is held per record.
 */
public final class CsvWriter {
    private final FrameNamer namer;

    /** Addresses only. */
    public CsvWriter() {
        this.namer = null;
    }

    /** With the two name columns resolved through {@code symbolizer}. */
    public CsvWriter(Symbolizer symbolizer) {
        this.namer = new FrameNamer(symbolizer);
    }

    public void write(List<Dump> dumps, Appendable out) throws IOException {
        writeHeader(out);
        for (Dump dump : dumps) {
            String dumpNumber = Integer.toString(dump.index() + 1);
            List<Record> records = dump.records();
            for (int i = 0; i < records.size(); i++) {
                writeRecord(out, dumpNumber, i, records.get(i));
            }
        }
    }

    /** The header row, for a caller that streams the records itself ({@link #writeRecord}). */
    public void writeHeader(Appendable out) throws IOException {
        if (namer == null) {
            Csv.row(out, "dump", "index", "size", "address", "region", "cpu", "ccount", "freed", "caller", "freedBy");
        } else {
            Csv.row(out, "dump", "index", "size", "address", "region", "cpu", "ccount", "freed", "caller", "freedBy",
                    "callerNames", "freedByNames");
        }
    }

    /** One record's row: {@code dumpNumber} as the CLI shows it (from 1), {@code index} its place in its dump. */
    public void writeRecord(Appendable out, String dumpNumber, int index, Record record) throws IOException {
        String region = record.region() == null ? "" : record.region().label();
        String freedBy = ChainText.addresses(record.freedBy());
        if (namer == null) {
            Csv.row(out, dumpNumber, Integer.toString(index), Integer.toString(record.sizeBytes()),
                    Hex.of(record.address()), region, Integer.toString(record.cpu()), Hex.of(record.ccount()),
                    Boolean.toString(record.freed()), ChainText.addresses(record.caller()), freedBy);
        } else {
            String freedByNames = record.freedBy().isEmpty() ? "" : ChainText.names(record.freedBy(), namer);
            Csv.row(out, dumpNumber, Integer.toString(index), Integer.toString(record.sizeBytes()),
                    Hex.of(record.address()), region, Integer.toString(record.cpu()), Hex.of(record.ccount()),
                    Boolean.toString(record.freed()), ChainText.addresses(record.caller()), freedBy,
                    record.caller().isEmpty() ? "" : ChainText.names(record.caller(), namer), freedByNames);
        }
    }
}
