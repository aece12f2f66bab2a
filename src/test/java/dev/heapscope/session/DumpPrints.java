package dev.heapscope.session;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Dumps as text, so dumps from two parsers (whose call chains are interned apart) can be compared. */
final class DumpPrints {
    private DumpPrints() {
    }

    static List<String> of(List<Dump> dumps) {
        return dumps.stream().map(DumpPrints::of).toList();
    }

    static String of(Dump dump) {
        String records = dump.records().stream().map(DumpPrints::of).collect(Collectors.joining("\n"));
        return "#" + dump.index() + " " + dump.dialect() + " complete=" + dump.complete() + " " + dump.header()
                + " " + dump.summary() + " at " + dump.receivedAtMillis() + "\n" + records;
    }

    private static String of(Record r) {
        return r.sizeBytes() + " @" + Integer.toHexString(r.address()) + " " + r.region() + " cpu" + r.cpu() + " cc"
                + r.ccount() + " " + chain(r.caller()) + (r.freed() ? " freed by " + chain(r.freedBy()) : "");
    }

    private static String chain(CallChain chain) {
        return IntStream.range(0, chain.depth()).mapToObj(i -> Integer.toHexString(chain.frame(i)))
                .collect(Collectors.joining(":"));
    }
}
