package dev.heapscope.parse;

import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.model.LuaAllocationProfile.Frame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the allocation profiler's framed output ({@code device-firmware/heapscope-profile.md}) out of a console
 * stream, one line at a time. Only {@code ~P} lines are its own (the agent's are {@code ~H}); anything else between
 * them is skipped. A profile ends with its end line, or cut: by a new begin line, an error line, or
 * {@link #finish()}; a cut one keeps what arrived and is marked incomplete. An error line with no profile open is
 * the profiler saying it could not run (no {@code debug.sethook}): an empty, incomplete profile with its message.
 * Garbled lines are counted, never thrown; only the first is worded. Not thread-safe.
 */
public final class LuaProfileReader {
    static final int MAX_LINE = 255;
    /** The board keeps at most a few hundred entries; more than this is not a profile. */
    static final int MAX_ENTRIES = 100_000;
    private static final long MAX_NUMBER = Integer.MAX_VALUE;

    private final List<LuaAllocationProfile> finished = new ArrayList<>();
    private Open open;

    private static final class Open {
        final long id;
        final int interval;
        final boolean lineEvents;
        final Map<Integer, Frame> frames = new HashMap<>();
        final List<LuaAllocationProfile.Line> lines = new ArrayList<>();
        final List<LuaAllocationProfile.Stack> stacks = new ArrayList<>();
        long checksum;
        int badLines;
        String firstProblem;

        Open(long id, int interval, boolean lineEvents) {
            this.id = id;
            this.interval = interval;
            this.lineEvents = lineEvents;
        }

        void problem(String what) {
            badLines++;
            if (firstProblem == null) {
                firstProblem = what;
            }
        }

        int entries() {
            return frames.size() + lines.size() + stacks.size();
        }

        LuaAllocationProfile close(boolean complete, String why, LuaAllocationProfile.Overhead overhead,
                                   LuaAllocationProfile.Dropped dropped, long hooks, long own) {
            String unreadable = firstProblem == null ? null
                    : badLines + " line(s) of the profile were unreadable, the first: " + firstProblem;
            String problem = why == null ? unreadable : unreadable == null ? why : why + "; " + unreadable;
            return new LuaAllocationProfile(id, interval, lineEvents, lines, stacks, overhead, dropped, hooks, own,
                    complete && problem == null, problem);
        }
    }

    /** Reads one console line (without its line ending); returns a profile when this line ended one. */
    public Optional<LuaAllocationProfile> accept(String rawLine) {
        int before = finished.size();
        String line = profilePart(rawLine);
        if (line != null) {
            if (line.length() > MAX_LINE) {
                if (open != null) {
                    open.problem("a line of " + line.length() + " characters, longer than the profiler prints");
                }
            } else {
                read(line);
            }
        }
        return finished.size() > before ? Optional.of(finished.get(finished.size() - 1)) : Optional.empty();
    }

    /** The stream ended: a profile still open is kept, incomplete. */
    public Optional<LuaAllocationProfile> finish() {
        return cutBy("the output stopped before the profile's end line (a reset, a crash or a lost connection)");
    }

    /** The board went away under the profiler: the open profile, cut and marked with {@code why}. */
    public Optional<LuaAllocationProfile> cutBy(String why) {
        if (open == null) {
            return Optional.empty();
        }
        cut(why);
        return Optional.of(finished.get(finished.size() - 1));
    }

    public List<LuaAllocationProfile> profiles() {
        return List.copyOf(finished);
    }

    private static String profilePart(String rawLine) {
        if (rawLine == null) {
            return null;
        }
        int at = 0;
        while (at < rawLine.length() && (rawLine.charAt(at) == '>' || rawLine.charAt(at) == ' ' || rawLine.charAt(at) == '\t')) {
            at++;
        }
        return rawLine.startsWith("~P", at) ? rawLine.substring(at).stripTrailing() : null;
    }

    private void read(String line) {
        String[] words = line.split(" ", -1);
        switch (words[0]) {
            case "~PB" -> begin(words);
            case "~PF", "~PL", "~PS" -> entry(words, line);
            case "~PE" -> end(words);
            case "~PX" -> failed(line);
            default -> {
                if (open != null) {
                    open.problem("an unknown profiler line '" + words[0] + "'");
                }
            }
        }
    }

    private void begin(String[] words) {
        if (open != null) {
            cut("a new profile began before this one's end line (the board was reset or the profiler ran again)");
        }
        long id = words.length > 2 ? number(words[2]) : -1;
        long interval = words.length > 3 ? number(words[3]) : -1;
        open = new Open(id, (int) Math.max(interval, 0), words.length > 4 && "1".equals(words[4]));
        if (words.length != 6 || id < 0 || interval < 0 || !"1".equals(words[1])) {
            open.problem("a begin line this version of HeapScope does not know");
        }
    }

    private void failed(String line) {
        String message = line.length() > 4 ? line.substring(4).replaceFirst("^[0-9]+ ?", "") : "";
        message = message.isBlank() ? "(no message)" : message;
        if (open != null) {
            cut("the profile stopped with an error: " + message);
        } else {
            finished.add(new LuaAllocationProfile(-1, 0, false, List.of(), List.of(), null,
                    LuaAllocationProfile.Dropped.NONE, -1, -1, false, message));
        }
    }

    private void entry(String[] words, String line) {
        if (open == null) {
            return; // the tail of a profile whose begin line was lost: nothing to pin it to
        }
        if (open.entries() >= MAX_ENTRIES) {
            open.problem("more entries than a board keeps");
            return;
        }
        boolean read = switch (words[0]) {
            case "~PF" -> frame(words);
            case "~PL" -> line(words);
            default -> stack(words);
        };
        if (!read) {
            open.problem("a line that does not read: " + line.substring(0, Math.min(line.length(), 60)));
            return;
        }
        open.checksum = AgentSnapshotReader.checksum(open.checksum, line);
    }

    private boolean frame(String[] words) {
        long n = words.length == 4 ? number(words[1]) : -1;
        int colon = words.length == 4 ? words[3].lastIndexOf(':') : -1;
        long line = colon > 0 ? signed(words[3].substring(colon + 1)) : Long.MIN_VALUE;
        if (n < 1 || line == Long.MIN_VALUE || words[2].isEmpty() || open.frames.containsKey((int) n)) {
            return false;
        }
        String name = words[2].equals("main_chunk") ? "main chunk" : words[2];
        open.frames.put((int) n, new Frame(name, words[3].substring(0, colon), (int) line));
        return true;
    }

    private boolean line(String[] words) {
        long bytes = words.length == 4 ? number(words[1]) : -1;
        long count = words.length == 4 ? number(words[2]) : -1;
        int colon = words.length == 4 ? words[3].lastIndexOf(':') : -1;
        long line = colon > 0 ? signed(words[3].substring(colon + 1)) : Long.MIN_VALUE;
        if (bytes < 0 || count < 0 || line == Long.MIN_VALUE) {
            return false;
        }
        open.lines.add(new LuaAllocationProfile.Line(words[3].substring(0, colon), (int) line, bytes, count));
        return true;
    }

    private boolean stack(String[] words) {
        long bytes = words.length == 4 ? number(words[1]) : -1;
        long count = words.length == 4 ? number(words[2]) : -1;
        if (bytes < 0 || count < 0 || words[3].isEmpty()) {
            return false;
        }
        List<Frame> frames = new ArrayList<>();
        for (String n : words[3].split(",", -1)) {
            Frame frame = open.frames.get((int) Math.min(number(n), Integer.MAX_VALUE));
            if (frame == null) {
                return false;
            }
            frames.add(frame);
        }
        open.stacks.add(new LuaAllocationProfile.Stack(frames, bytes, count));
        return true;
    }

    private void end(String[] words) {
        if (open == null) {
            return;
        }
        long[] n = new long[16];
        for (int i = 0; i < n.length; i++) {
            n[i] = i == 14 ? 0 : words.length > i + 1 ? number(words[i + 1]) : -1;
        }
        String kind = words.length > 15 ? words[15] : "none";
        long base = words.length > 16 ? signed(words[16]) : -1;
        Open ending = open;
        open = null;
        long bytes = ending.lines.stream().mapToLong(LuaAllocationProfile.Line::bytes).sum();
        String why = null;
        if (words.length != 17 || n[0] != ending.id) {
            why = "the end line does not read, or belongs to another profile";
        } else if (n[1] != ending.frames.size() || n[2] != ending.lines.size() || n[3] != ending.stacks.size()
                || n[4] != bytes || n[5] != ending.checksum) {
            why = "the board sent " + n[2] + " lines (" + n[4] + " bytes), " + ending.lines.size() + " (" + bytes
                    + " bytes) arrived" + (n[2] == ending.lines.size() ? " with a different checksum or stacks" : "")
                    + ": lines were lost or garbled on the way";
        }
        var overhead = new LuaAllocationProfile.Overhead(n[13], base == Long.MIN_VALUE ? -1 : base, kind);
        var dropped = new LuaAllocationProfile.Dropped(Math.max(n[6], 0), Math.max(n[7], 0), Math.max(n[8], 0));
        finished.add(ending.close(true, why, overhead, dropped, n[11], n[12]));
    }

    private void cut(String why) {
        Open cutOne = open;
        open = null;
        finished.add(cutOne.close(false, why, null, LuaAllocationProfile.Dropped.NONE, -1, -1));
    }

    /** A decimal number in 0..2^31-1, or -1. */
    private static long number(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value = Long.parseLong(text);
        return value > MAX_NUMBER ? -1 : value;
    }

    /** A decimal number that may be negative (a line of -1, a base time of -1), or Long.MIN_VALUE. */
    private static long signed(String text) {
        if (text.startsWith("-")) {
            long value = number(text.substring(1));
            return value < 0 ? Long.MIN_VALUE : -value;
        }
        long value = number(text);
        return value < 0 ? Long.MIN_VALUE : value;
    }
}
