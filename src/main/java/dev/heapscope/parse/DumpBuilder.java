package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.DumpHeader;
import dev.heapscope.model.HashmapStats;
import dev.heapscope.model.ParseWarning;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.model.Summary;
import dev.heapscope.model.TraceMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the lines of one dump as they are read, then checks them against each other. Keeps the records
 * for the dump it builds, or, when streaming, hands each one on once no {@code freed by} line can change it
 * and keeps only what its checks need (counts, and the live addresses for the duplicate check).
 */
final class DumpBuilder {
    private static final int MAX_SKIPPED_LINE_WARNINGS = 20;

    final int index;
    final DumpHeader header;
    final long firstLine;
    private final Dialect headerDialect;
    private final List<Record> records = new ArrayList<>();
    private final DumpListener streamTo;
    /** The last record read: a {@code freed by} line may still follow and change it. */
    private Record pending;
    private int recordCount;
    private int liveCount;
    private long liveBytes;
    private final LiveAddresses liveAddresses = new LiveAddresses();
    private final List<ParseWarning> warnings = new ArrayList<>();
    private boolean sawLabel;
    private boolean sawDialectCEvidence;
    private boolean sawFramedSummary;
    private boolean sawSummaryTotals;
    private long skippedLines;
    private long lastLine;
    private long lastHostMillis = -1;

    TraceMode mode;
    long bytes = -1;
    int allocations = -1;
    Integer recordsInTrace;
    long totalAllocations = -1;
    long totalFrees = -1;
    Integer recordsInBuffer;
    Integer summaryCapacity;
    Integer highWaterMark;
    HashmapStats hashmap;
    boolean overflowed;
    boolean mayHaveDuplicates;

    /** @param streamTo null to keep the records in the dump, else who receives each record instead */
    DumpBuilder(int index, Dialect headerDialect, DumpHeader header, long firstLine, DumpListener streamTo) {
        this.streamTo = streamTo;
        this.index = index;
        this.headerDialect = headerDialect;
        this.header = header;
        this.firstLine = firstLine;
        this.lastLine = firstLine;
    }

    void touch(long lineNumber, long hostMillis) {
        lastLine = lineNumber;
        if (hostMillis >= 0) {
            lastHostMillis = hostMillis;
        }
    }

    void add(RecordLine line, long lineNumber) {
        add(line.sizeBytes(), line.address(), line.region(), line.cpu(), line.ccount(), line.caller(), line.hasLabel(),
                line.callerKeyword(), line.freedSuffix(), lineNumber);
    }

    /** A record line read straight from bytes ({@link RecordBytes}). */
    void add(RecordBytes line, long lineNumber) {
        add(line.size, line.address, line.region, line.cpu, line.ccount, line.caller, line.hasLabel,
                line.callerKeyword, line.freedSuffix, lineNumber);
    }

    private void add(int size, int address, Region region, int cpu, int ccount, CallChain caller, boolean hasLabel,
                     boolean callerKeyword, boolean freedSuffix, long lineNumber) {
        sawLabel |= hasLabel;
        // A and B always print "caller"; only C leaves it out (and only C prints " freed").
        sawDialectCEvidence |= freedSuffix || !callerKeyword;
        settlePending();
        pending = new Record(size, address, region, cpu, ccount, caller, freedSuffix, CallChain.EMPTY, lineNumber);
    }

    /** Marks the last record freed; false when there is no record to attach the line to. */
    boolean freedBy(CallChain chain) {
        if (pending == null) {
            return false;
        }
        pending = pending.withFreedBy(chain);
        return true;
    }

    int recordCount() {
        return pending == null ? recordCount : recordCount + 1;
    }

    /** The pending record can no longer change: count it, then keep it or hand it on. */
    private void settlePending() {
        if (pending == null) {
            return;
        }
        Record record = pending;
        pending = null;
        recordCount++;
        if (!record.freed()) {
            liveBytes += record.sizeBytes();
            liveCount++;
            liveAddresses.add(record.address());
        }
        if (streamTo == null) {
            records.add(record);
        } else {
            streamTo.recordParsed(record);
        }
    }

    void framedSummarySeen() {
        sawFramedSummary = true;
    }

    void totalsSeen() {
        sawSummaryTotals = true;
    }

    void warn(long lineNumber, String message) {
        warnings.add(new ParseWarning(lineNumber, message));
    }

    /** An unrecognised line inside the dump: warned about up to a limit, then only counted. */
    void skipped(long lineNumber, String line) {
        skippedLines++;
        if (skippedLines <= MAX_SKIPPED_LINE_WARNINGS) {
            String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
            warn(lineNumber, "skipped a line that is not part of the dump: " + shown);
        }
    }

    Dialect dialect() {
        boolean framed = headerDialect == Dialect.B
                || headerDialect == null && (sawLabel || sawFramedSummary || sawDialectCEvidence);
        if (!framed) {
            return Dialect.A;
        }
        return sawDialectCEvidence ? Dialect.C : Dialect.B;
    }

    Dump build(boolean complete, String incompleteReason) {
        settlePending();
        if (skippedLines > MAX_SKIPPED_LINE_WARNINGS) {
            warn(0, (skippedLines - MAX_SKIPPED_LINE_WARNINGS) + " more lines inside the dump were skipped");
        }
        if (!complete) {
            warn(lastLine, "incomplete dump: " + incompleteReason + "; kept the " + recordCount
                    + " records read");
        }
        if (header == null) {
            warn(firstLine, "records without a dump header (a trimmed paste?): capacity unknown");
        }
        Summary summary = summary();
        checkConsistency(complete, summary);
        return new Dump(index, dialect(), complete, header, records, summary, warnings, firstLine, lastLine,
                lastHostMillis);
    }

    private Summary summary() {
        if (bytes < 0 && !sawSummaryTotals) {
            return null;
        }
        TraceMode summaryMode = mode != null ? mode : recordsInTrace != null ? TraceMode.ALL : TraceMode.LEAKS;
        Integer capacity = summaryCapacity != null ? summaryCapacity : header != null ? header.capacity() : null;
        return new Summary(summaryMode, Math.max(bytes, 0), Math.max(allocations, 0), recordsInTrace,
                Math.max(totalAllocations, 0), Math.max(totalFrees, 0), recordsInBuffer, capacity,
                highWaterMark, hashmap, overflowed, mayHaveDuplicates);
    }

    private void checkConsistency(boolean complete, Summary summary) {
        if (complete && header != null && header.records() != recordCount) {
            warn(firstLine, "header announced " + header.records() + " records, " + recordCount + " were read");
        }
        if (summary != null) {
            if (bytes >= 0 && liveBytes != bytes) {
                warn(lastLine, "summary says " + bytes + " bytes, the records add up to " + liveBytes);
            }
            if (allocations >= 0 && liveCount != allocations) {
                warn(lastLine, "summary says " + allocations + " allocations, " + liveCount + " records are not freed");
            }
            if (recordsInTrace != null && recordsInTrace != recordCount) {
                warn(lastLine, "summary counts " + recordsInTrace + " records in the trace, " + recordCount
                        + " were read");
            }
            if (recordsInBuffer != null && recordsInBuffer != recordCount) {
                warn(lastLine, "summary says " + recordsInBuffer + " records, " + recordCount + " were read");
            }
        }
        if (overflowed) {
            warn(lastLine, "the trace buffer overflowed: the oldest records were dropped, so leaks may be missing");
        }
        if (mayHaveDuplicates) {
            warn(lastLine, "new entries were traced while dumping: some records may be listed twice");
        }
        warnDuplicateAddresses();
    }

    private void warnDuplicateAddresses() {
        int duplicates = liveAddresses.duplicates();
        if (duplicates > 0) {
            warn(0, "possible duplicates: " + duplicates + " live record(s) share an address with another (e.g. "
                    + dev.heapscope.model.Hex.of(liveAddresses.lowestDuplicate()) + ")");
        }
    }
}
