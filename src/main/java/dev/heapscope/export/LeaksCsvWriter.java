package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.model.Hex;

import java.io.IOException;
import java.util.Locale;

/**
 * Writes a {@link LeakTable} as CSV (RFC 4180, CRLF, a header row), largest first:
 * {@code rank,bytes,count,avgBytes,minBytes,maxBytes,region,firstIndex,lastIndex,firstCcount,caller,callerNames}.
 */
public final class LeaksCsvWriter {
    private final FrameNamer namer;

    public LeaksCsvWriter(FrameNamer namer) {
        this.namer = namer == null ? FrameNamer.hexOnly() : namer;
    }

    public void write(LeakTable table, Appendable out) throws IOException {
        Csv.row(out, "rank", "bytes", "count", "avgBytes", "minBytes", "maxBytes", "region", "firstIndex",
                "lastIndex", "firstCcount", "caller", "callerNames");
        int rank = 0;
        for (LeakRow row : table.rows()) {
            rank++;
            Csv.row(out, Integer.toString(rank), Long.toString(row.totalBytes()), Integer.toString(row.count()),
                    String.format(Locale.ROOT, "%.1f", row.averageSizeBytes()), Integer.toString(row.minSizeBytes()),
                    Integer.toString(row.maxSizeBytes()), row.regions().name().toLowerCase(Locale.ROOT),
                    Integer.toString(row.firstSeen().index()), Integer.toString(row.lastSeen().index()),
                    Hex.of(row.firstSeen().ccount()), ChainText.addresses(row.chain()),
                    ChainText.names(row.chain(), namer));
        }
    }
}
