package dev.heapscope.model;

import java.util.Comparator;
import java.util.List;

/**
 * What the allocation profiler ({@code device-firmware/heapscope-profile.lua}) measured while a workload ran on a
 * board: bytes and counts per Lua line and per call stack, with what it cost and what did not fit its bounded
 * tables. An incomplete profile (cut by a reset, an error, garbled lines) keeps what arrived and says why.
 *
 * @param id         the profile's id (the board's uptime mod 10^6), -1 when no begin line arrived
 * @param interval   the count hook's interval in VM instructions, 0 for none
 * @param lineEvents whether the hook had line events
 * @param lines      per line, in the order the board first saw them
 * @param stacks     per call stack
 * @param overhead   the workload's time with and without the hook; null when the end line did not arrive
 * @param dropped    entries that did not fit the board's tables
 * @param hooks      hook calls, -1 when unknown
 * @param ownBytes   what the profiler allocated meanwhile (excluded from the figures), -1 when unknown
 * @param complete   the end line arrived and agreed with what was read
 * @param problem    why it is not complete; null when it is
 */
public record LuaAllocationProfile(long id, int interval, boolean lineEvents, List<Line> lines, List<Stack> stacks,
                                   Overhead overhead, Dropped dropped, long hooks, long ownBytes, boolean complete,
                                   String problem) {

    public LuaAllocationProfile {
        lines = List.copyOf(lines);
        stacks = List.copyOf(stacks);
    }

    /** One Lua line: {@code source:line}, as the board's chunk name spells it. */
    public record Line(String source, int line, long bytes, long count) {
        public String where() {
            return source + ":" + line;
        }
    }

    /** One frame of a stack, named as the virtual board names Lua frames: {@code handle_request (app.lua:19)}. */
    public record Frame(String function, String source, int line) {
        public String label() {
            return function + " (" + source + ":" + line + ")";
        }
    }

    public record Stack(List<Frame> outermostFirst, long bytes, long count) {
        public Stack {
            outermostFirst = List.copyOf(outermostFirst);
        }
    }

    /**
     * @param hookedMicros the workload's time with the hook
     * @param baseMicros   without it, -1 when not known
     * @param baseKind     {@code estimated} (from a calibration loop), {@code measured} (a second run), {@code none}
     */
    public record Overhead(long hookedMicros, long baseMicros, String baseKind) {
        /** How many times slower the hook made the workload; NaN when the base time is unknown or zero. */
        public double factor() {
            return baseMicros > 0 ? hookedMicros / (double) baseMicros : Double.NaN;
        }
    }

    public record Dropped(long lines, long stacks, long bytes) {
        public static final Dropped NONE = new Dropped(0, 0, 0);
    }

    public long totalBytes() {
        return lines.stream().mapToLong(Line::bytes).sum();
    }

    /** The lines, most bytes first (ties by where, so the order is the same every run). */
    public List<Line> linesByBytes() {
        return lines.stream().sorted(Comparator.comparingLong(Line::bytes).reversed().thenComparing(Line::where)).toList();
    }

    public List<Stack> stacksByBytes() {
        return stacks.stream().sorted(Comparator.comparingLong(Stack::bytes).reversed()
                .thenComparing(s -> s.outermostFirst().toString())).toList();
    }
}
