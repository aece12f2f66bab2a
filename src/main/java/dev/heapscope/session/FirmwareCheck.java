package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dialect;

/**
 * What the board's firmware offers the profiler, from one probe command and its boot banner.
 *
 * @param idfVersion       from the banner ({@code v5.1.3}), or null when no banner was seen
 * @param expectedDialect  the dump text that IDF version prints, or null when unknown
 * @param advice           what to do next, for the user
 */
public record FirmwareCheck(boolean heaptracePresent, String luaVersion, long freeHeapBytes, String idfVersion,
                            Dialect expectedDialect, String advice) {

    /** The Lua line whose answer {@link #parse} reads: tab-separated, one line. */
    static final String PROBE = "print(type(heaptrace), _VERSION, node and node.heap and node.heap() or -1)";

    static FirmwareCheck parse(CommandResult answer, String idfVersion) {
        String[] fields = answer.output().isEmpty() ? new String[0] : answer.output().get(0).split("\t");
        boolean present = fields.length > 0 && fields[0].strip().equals("table");
        String lua = fields.length > 1 ? fields[1].strip() : "unknown";
        long heap = -1;
        if (fields.length > 2) {
            try {
                heap = Long.parseLong(fields[2].strip());
            } catch (NumberFormatException notANumber) {
                heap = -1;
            }
        }
        Dialect dialect = dialectOf(idfVersion);
        String advice = present
                ? "heaptrace is available" + (dialect == null ? "" : "; dumps will be in dialect " + dialect)
                : "this firmware has no heaptrace module: rebuild NodeMCU with CONFIG_HEAP_TRACING_STANDALONE=y and "
                + "CONFIG_NODEMCU_CMODULE_HEAPTRACE=y (see device-firmware/README.md)";
        return new FirmwareCheck(present, lua, heap, idfVersion, dialect, advice);
    }

    /** The dialect {@code idfVersion} prints, or null when that is unknown. */
    static Dialect dialectOf(String idfVersion) {
        return Dialect.printedBy(idfVersion).orElse(null);
    }
}
