package dev.heapscope.session;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;
import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.parse.LineFramer;
import dev.heapscope.parse.LuaProfileReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lua allocation profiles a transcript holds ({@code ~P} lines of device-firmware/heapscope-profile.lua), read
 * again as the live session read them: a reset or crash the parser saw cuts the profile open at that line. Only
 * lines that begin like a profile line become text. A transcript is hostile input: at most {@link #MAX_PROFILES}
 * profiles and {@link #MAX_ENTRIES} lines and stacks in all are kept; reading stops at the first that does not fit.
 */
final class TranscriptProfiles {
    static final int MAX_PROFILES = 1024;
    /** A profile is a few hundred entries on a board; this is thousands of them. */
    static final int MAX_ENTRIES = 500_000;
    /** Longer than any profile line (255); a longer one is still refused by the reader as too long. */
    private static final int MAX_TEXT = 1024;
    private static final String CUT_BY_RESET = "the board reset while the profile ran; the lines before it are kept";

    private final LuaProfileReader reader = new LuaProfileReader();
    private final List<LuaAllocationProfile> kept = new ArrayList<>();
    private final long[] resetLines;
    private int nextReset;
    private long entries;
    private boolean stopped;

    private TranscriptProfiles(long[] resetLines) {
        this.resetLines = resetLines;
    }

    /** The profiles, in the order they ended; {@code allRead} false when the bounds left later ones unread. */
    record Found(List<LuaAllocationProfile> profiles, boolean allRead) {
    }

    static Found read(byte[] transcript, List<LineEvent> events) {
        long[] resets = events.stream().filter(e -> e.kind() == BoardEvent.Kind.RESET || e.kind() == BoardEvent.Kind.CRASH)
                .mapToLong(LineEvent::lineNumber).sorted().toArray();
        TranscriptProfiles scan = new TranscriptProfiles(resets);
        LineFramer framer = new LineFramer((text, number, millis) -> { }, scan::line);
        framer.feed(transcript);
        framer.flush(-1);
        scan.cutAt(Long.MAX_VALUE);
        scan.reader.finish().ifPresent(scan::keep);
        return new Found(List.copyOf(scan.kept), !scan.stopped);
    }

    /** Takes every line (none becomes a String for the sink); a profile line goes to the reader. */
    private boolean line(byte[] bytes, int offset, int length, long number, long hostMillis) {
        cutAt(number);
        if (!full() && startsProfileLine(bytes, offset, length)) {
            String text = new String(bytes, offset, Math.min(length, MAX_TEXT), StandardCharsets.ISO_8859_1);
            reader.accept(text).ifPresent(this::keep);
        }
        return true;
    }

    /** A reset or crash before {@code line}: the profile open then was cut there, as the live session cut it. */
    private void cutAt(long line) {
        while (nextReset < resetLines.length && resetLines[nextReset] <= line) {
            nextReset++;
            reader.cutBy(CUT_BY_RESET).ifPresent(this::keep);
        }
    }

    private void keep(LuaAllocationProfile profile) {
        long size = profile.lines().size() + profile.stacks().size();
        if (stopped || kept.size() >= MAX_PROFILES || entries + size > MAX_ENTRIES) {
            stopped = true; // nothing more is read: what is left out must not pile up in the reader either
            return;
        }
        entries += size;
        kept.add(profile);
    }

    private boolean full() {
        return stopped;
    }

    /** After a prompt ({@code > }) or blanks, {@code ~P}: what {@link LuaProfileReader} reads. */
    private static boolean startsProfileLine(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end && (bytes[at] == '>' || bytes[at] == ' ' || bytes[at] == '\t')) {
            at++;
        }
        return at + 1 < end && bytes[at] == '~' && bytes[at + 1] == 'P';
    }
}
