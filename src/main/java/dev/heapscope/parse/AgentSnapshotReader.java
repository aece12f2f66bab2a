package dev.heapscope.parse;

import dev.heapscope.model.AgentSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the HeapScope agent's framed output ({@code device-firmware/heapscope-agent.md}) out of a console
 * stream, one line at a time: lines that are not the agent's (the user's prints, a prompt, a boot log) are
 * skipped, so the agent's lines may come interleaved with anything. A snapshot ends with its end line, or
 * cut: by a new begin line (the board was reset and the agent started again), an error line from the agent,
 * or {@link #finish()} (the stream ended). A cut snapshot is kept and marked incomplete, like a cut dump.
 * Hostile input stays bounded: over-long lines, impossible numbers and unknown types are counted, never
 * thrown, and only the first such problem is worded. Not thread-safe.
 * <p>
 * Version 2 sends a string the agent no longer remembers with a fingerprint of its bytes ({@code s:FP}),
 * each time it is reached; the first sending is the object, later ones with the same size and fingerprint are
 * the same string and are dropped here (they still count for the end line's totals and checksum). Version 1 is
 * read as before.
 */
public final class AgentSnapshotReader {
    /** No agent line is longer: it prints under the console's 255 characters. */
    static final int MAX_LINE = 255;
    /** More objects than this cannot be in the few hundred kilobytes of an ESP32 heap. */
    static final int MAX_OBJECTS = 1_000_000;
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final List<String> TYPES = List.of("table", "string", "function", "userdata", "thread");
    private static final List<String> VERSIONS = List.of("1", "2");
    /** The type of a string past the agent's exact set: two 20-bit sums over its bytes, in hex. */
    private static final Pattern FINGERPRINTED = Pattern.compile("s:[0-9a-f]{10}");

    private final List<AgentSnapshot> finished = new ArrayList<>();
    private Open open;

    private static final class Open {
        final long snapshotId;
        final AgentSnapshot.Visibility visible;
        final long luaBytes;
        final List<AgentSnapshot.Node> nodes = new ArrayList<>();
        /** Size and fingerprint of every fingerprinted string kept, to know its later sendings. */
        final Set<String> fingerprints = new HashSet<>();
        /** Object lines read, the repeats of a fingerprinted string included: what the end line counts. */
        int lines;
        long bytes;
        long checksum;
        int lastId;
        int badLines;
        String firstProblem;

        Open(long snapshotId, AgentSnapshot.Visibility visible, long luaBytes) {
            this.snapshotId = snapshotId;
            this.visible = visible;
            this.luaBytes = luaBytes;
        }

        void problem(String what) {
            badLines++;
            if (firstProblem == null) {
                firstProblem = what;
            }
        }

        AgentSnapshot close(boolean complete, String why, long agentBytes) {
            String problem = why != null ? why : firstProblem == null ? null
                    : badLines + " line(s) of the snapshot were unreadable, the first: " + firstProblem;
            return new AgentSnapshot(snapshotId, visible, luaBytes, nodes, complete && problem == null, problem,
                    agentBytes);
        }
    }

    /** Reads one console line (without its line ending); returns a snapshot when this line ended one. */
    public Optional<AgentSnapshot> accept(String rawLine) {
        int before = finished.size();
        String line = agentPart(rawLine);
        if (line != null) {
            if (line.length() > MAX_LINE) {
                if (open != null) {
                    open.problem("a line of " + line.length() + " characters, longer than the agent prints");
                }
            } else {
                read(line);
            }
        }
        return finished.size() > before ? Optional.of(finished.get(finished.size() - 1)) : Optional.empty();
    }

    /** The stream ended: a snapshot still open is kept, incomplete. */
    public Optional<AgentSnapshot> finish() {
        if (open == null) {
            return Optional.empty();
        }
        cut("the output stopped before the snapshot's end line (a reset, a crash or a lost connection)");
        return Optional.of(finished.get(finished.size() - 1));
    }

    /** The board went away under the agent (a reset, a crash): the open snapshot, cut and marked with {@code why}. */
    public Optional<AgentSnapshot> cutBy(String why) {
        if (open == null) {
            return Optional.empty();
        }
        cut(why);
        return Optional.of(finished.get(finished.size() - 1));
    }

    /** Every snapshot ended so far, in order. */
    public List<AgentSnapshot> snapshots() {
        return List.copyOf(finished);
    }

    /** The agent's line within a console line: after a prompt ({@code > }) or spaces, without a trailing CR. */
    private static String agentPart(String rawLine) {
        if (rawLine == null) {
            return null;
        }
        int at = 0;
        while (at < rawLine.length() && (rawLine.charAt(at) == '>' || rawLine.charAt(at) == ' ' || rawLine.charAt(at) == '\t')) {
            at++;
        }
        if (!rawLine.startsWith("~H", at)) {
            return null;
        }
        return rawLine.substring(at).stripTrailing();
    }

    private void read(String line) {
        String[] words = line.split(" ", 7);
        switch (words[0]) {
            case "~HB" -> begin(words, line);
            case "~HO" -> object(line);
            case "~HE" -> end(words);
            case "~HX" -> {
                if (open != null) {
                    String message = line.length() > 4 ? line.substring(4).replaceFirst("^[0-9]+ ?", "") : "";
                    cut("the agent stopped with an error: " + (message.isBlank() ? "(no message)" : message));
                }
            }
            default -> {
                if (open != null) {
                    open.problem("an unknown agent line '" + words[0] + "'");
                }
            }
        }
    }

    private void begin(String[] words, String line) {
        if (open != null) {
            cut("a new snapshot began before this one's end line (the board was reset or the agent ran again)");
        }
        long id = words.length > 2 ? number(words[2], Long.MAX_VALUE) : -1;
        long lua = words.length > 3 ? number(words[3], Long.MAX_VALUE) : -1;
        open = new Open(id, new AgentSnapshot.Visibility(flag(line, "registry"), flag(line, "upvalues"),
                flag(line, "locals"), flag(line, "yield")), lua);
        if (id < 0 || lua < 0 || !VERSIONS.contains(words.length > 1 ? words[1] : "")) {
            open.problem("a begin line this version of HeapScope does not know");
        }
    }

    private static boolean flag(String line, String name) {
        return line.contains(" " + name + "=1");
    }

    private void object(String line) {
        if (open == null) {
            return; // the tail of a snapshot whose begin line was lost: nothing to pin it to
        }
        String[] words = line.split(" ", 6);
        long id = words.length == 6 ? number(words[1], MAX_OBJECTS) : -1;
        long parent = words.length == 6 ? number(words[2], MAX_OBJECTS) : -1;
        long bytes = words.length == 6 ? number(words[4], MAX_BYTES) : -1;
        boolean fingerprinted = FINGERPRINTED.matcher(words.length == 6 ? words[3] : "").matches();
        if (id < 1 || parent < 0 || bytes < 0 || !(fingerprinted || TYPES.contains(words[3])) || words[5].isEmpty()) {
            open.problem("an object line that does not read: " + line.substring(0, Math.min(line.length(), 60)));
            return;
        }
        if (parent >= id || open.lines >= MAX_OBJECTS) {
            open.problem("object " + id + " names parent " + parent + ", not one sent before it");
            return;
        }
        if (id != open.lastId + 1) {
            open.problem("object " + id + " follows object " + open.lastId + ": lines between them were lost");
        }
        open.lastId = (int) id;
        open.lines++;
        open.bytes += bytes;
        open.checksum = checksum(open.checksum, line);
        // a string sent again (the agent could not remember it): the first sending gave its path and size
        if (!fingerprinted || open.fingerprints.add(words[4] + words[3])) {
            open.nodes.add(new AgentSnapshot.Node((int) id, (int) parent, fingerprinted ? "string" : words[3],
                    (int) bytes, words[5]));
        }
    }

    /**
     * The agent's running checksum over every character of its object lines (they are ASCII: it escapes the
     * rest); it stays below 2^31, as a 32-bit Lua integer must.
     */
    static long checksum(long sum, String line) {
        long at = sum;
        for (int i = 0; i < line.length(); i++) {
            at = (at * 31 + (line.charAt(i) & 0xff)) % 65521;
        }
        return at;
    }

    private void end(String[] words) {
        if (open == null) {
            return;
        }
        long[] n = new long[6];
        for (int i = 0; i < n.length; i++) {
            n[i] = words.length > i + 1 ? number(words[i + 1], Long.MAX_VALUE) : -1;
        }
        Open ending = open;
        open = null;
        String why = null;
        if (n[0] != ending.snapshotId) {
            why = "the end line belongs to another snapshot (" + n[0] + ", this one is " + ending.snapshotId + ")";
        } else if (n[1] != ending.lines || n[2] != ending.bytes || n[3] != ending.checksum) {
            why = "the board sent " + n[1] + " object lines (" + n[2] + " bytes), " + ending.lines + " ("
                    + ending.bytes + " bytes) arrived" + (n[1] == ending.lines ? " with a different checksum" : "")
                    + ": lines were lost or garbled on the way";
        }
        finished.add(ending.close(true, why, n[4]));
    }

    private void cut(String why) {
        Open cutOne = open;
        open = null;
        finished.add(cutOne.close(false, why, -1));
    }

    /** A decimal number in 0..max, or -1. */
    private static long number(String text, long max) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value = Long.parseLong(text);
        return value > max ? -1 : value;
    }
}
