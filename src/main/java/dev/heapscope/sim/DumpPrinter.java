package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Hex;
import dev.heapscope.model.Record;
import dev.heapscope.model.TraceMode;

/**
 * Prints a heap trace dump byte for byte as ESP-IDF's {@code heap_trace_dump} does, in dialect A, B
 * or C (docs/heap-trace-format.md §2–§3). Every line ends with {@code \r\n}: B and C go through the
 * ROM printer, which always adds the CR; A goes through newlib {@code printf}, whose console
 * default ({@code CONFIG_NEWLIB_STDOUT_LINE_ENDING_CRLF}) does the same, as the sample A log shows.
 * Stateless.
 */
public final class DumpPrinter {
    static final String EOL = "\r\n";
    static final String CORRUPT_LIST = "Error: heap trace linked list is corrupt. expected more records.";

    private final Dialect dialect;

    public DumpPrinter(Dialect dialect) {
        if (dialect == null) {
            throw new IllegalArgumentException("dialect is required");
        }
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The whole dump text. */
    public String print(TraceSnapshot trace) {
        StringBuilder out = new StringBuilder(128 + trace.records().size() * (40 + 11 * trace.stackDepth()));
        if (dialect == Dialect.A) {
            out.append(unsigned(trace.count())).append(" allocations trace (")
                    .append(unsigned(trace.capacity())).append(" entry buffer)").append(EOL);
        } else {
            out.append("====== Heap Trace: ").append(unsigned(trace.count())).append(" records (")
                    .append(unsigned(trace.capacity())).append(" capacity) ======").append(EOL);
        }
        long aliveBytes = 0;
        long aliveRecords = 0;
        for (Record record : trace.records()) {
            if (record.address() == 0) {
                continue; // an empty slot: IDF prints only records whose address is set
            }
            if (printRecord(trace, record, out)) {
                aliveBytes += record.sizeBytes();
                aliveRecords++;
            }
        }
        if (dialect != Dialect.A && trace.records().size() < trace.count()) {
            out.append(EOL).append(CORRUPT_LIST).append(EOL);
        }
        String alive = (aliveBytes & 0xFFFF_FFFFL) + (trace.mode() == TraceMode.ALL
                ? " bytes alive in trace (" + (aliveRecords & 0xFFFF_FFFFL) + "/" + unsigned(trace.count()) + " allocations)"
                : " bytes 'leaked' in trace (" + (aliveRecords & 0xFFFF_FFFFL) + " allocations)");
        if (dialect == Dialect.A) {
            out.append(alive).append(EOL);
            out.append("total allocations ").append(unsigned(trace.totalAllocations()))
                    .append(" total frees ").append(unsigned(trace.totalFrees())).append(EOL);
            if (trace.overflowed()) {
                out.append("(NB: Buffer has overflowed, so trace data is incomplete.)").append(EOL);
            }
            return out.toString();
        }
        out.append("====== Heap Trace Summary ======").append(EOL);
        out.append(trace.mode() == TraceMode.ALL ? "Mode: Heap Trace All" : "Mode: Heap Trace Leaks").append(EOL);
        out.append(alive).append(EOL);
        out.append("records: ").append(unsigned(trace.count())).append(" (").append(unsigned(trace.capacity()))
                .append(" capacity, ").append(unsigned(trace.highWaterMark())).append(" high water mark)").append(EOL);
        out.append("total allocations: ").append(unsigned(trace.totalAllocations())).append(EOL);
        out.append("total frees: ").append(unsigned(trace.totalFrees())).append(EOL);
        if (trace.overflowed()) {
            out.append("(NB: Internal Buffer has overflowed, so trace data is incomplete.)").append(EOL);
        }
        out.append("================================").append(EOL);
        return out.toString();
    }

    /** Appends one record (one or two lines); true when it counts as alive in the summary. */
    private boolean printRecord(TraceSnapshot trace, Record record, StringBuilder out) {
        int depth = trace.stackDepth();
        if (dialect == Dialect.A) {
            out.append(record.sizeBytes()).append(" bytes (@ ").append(pointer(record.address())).append(')');
        } else {
            String size = Integer.toString(record.sizeBytes());
            out.append("      ", 0, Math.max(0, 6 - size.length())).append(size)
                    .append(" bytes (@ ").append(pointer(record.address())).append(label(record)).append(')');
        }
        out.append(" allocated CPU ").append(record.cpu()).append(" ccount ").append(Hex.of(record.ccount() & ~3));
        boolean hasCaller = depth > 0 && !record.caller().isEmpty() && record.caller().frame(0) != 0;
        if (dialect != Dialect.C || hasCaller) {
            out.append(" caller ");
            appendCaller(record.caller(), depth, out);
        }
        boolean freedInAll = trace.mode() == TraceMode.ALL && record.freed();
        if (dialect == Dialect.C) {
            if (!freedInAll) {
                out.append(EOL);
                return true;
            }
            if (depth == 0 || record.freedBy().isEmpty() || record.freedBy().frame(0) == 0) {
                out.append(" freed").append(EOL);
            } else {
                appendFreedBy(record.freedBy(), depth, out);
            }
            return false;
        }
        // A and B know a freed record only by its first freed-by slot
        if (!freedInAll || depth == 0 || record.freedBy().isEmpty() || record.freedBy().frame(0) == 0) {
            out.append(EOL);
            return true;
        }
        appendFreedBy(record.freedBy(), depth, out);
        return false;
    }

    private void appendCaller(CallChain chain, int depth, StringBuilder out) {
        for (int slot = 0; slot < depth && slot < chain.depth() && chain.frame(slot) != 0; slot++) {
            out.append(pointer(chain.frame(slot)));
            if (slot < depth - 1) {
                out.append(':');
            }
        }
    }

    private void appendFreedBy(CallChain chain, int depth, StringBuilder out) {
        out.append(EOL).append("freed by ");
        for (int slot = 0; slot < depth; slot++) {
            out.append(pointer(slot < chain.depth() ? chain.frame(slot) : 0));
            if (slot < depth - 1) {
                out.append(':');
            }
        }
        out.append(EOL);
    }

    private String pointer(int value) {
        return dialect == Dialect.A ? "0x" + Integer.toHexString(value) : Hex.of(value);
    }

    private static String label(Record record) {
        if (record.region() == null) {
            return "";
        }
        return switch (record.region()) {
            case INTERNAL -> ", Internal";
            case PSRAM -> ",    PSRAM";
        };
    }

    private static String unsigned(int value) {
        return Integer.toUnsignedString(value);
    }
}
