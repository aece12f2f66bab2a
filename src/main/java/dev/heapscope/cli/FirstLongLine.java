package dev.heapscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A first line longer than InputKind's sniff: a folded stack of a deep chain ({@code a;b;…;z 123}) or anything
 * else. Read on to its end in constant memory (the last bytes kept), so a 1 MB stack is told as one and a
 * hostile gigabyte line costs a bounded read, not its size in memory.
 */
final class FirstLongLine {
    /** How far a first line is followed before it is taken for a log's. */
    private static final long MAX_LINE_BYTES = 256L << 20;
    private static final int TAIL_BYTES = 32;

    private FirstLongLine() {
    }

    static boolean hasNoLineBreak(byte[] head) {
        for (byte b : head) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        return true;
    }

    /** The line starts with a non-blank that is not a comment's {@code #}, and ends with a blank and a count. */
    static boolean looksFolded(Path file, byte[] head) throws InputLog.UnreadableInputException {
        int start = 0;
        while (start < head.length && isBlank(head[start])) {
            start++;
        }
        if (start == head.length || head[start] == '#') {
            return false;
        }
        byte[] tail = new byte[TAIL_BYTES];
        int kept = 0;
        long read = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                int lineEnd = 0;
                while (lineEnd < n && buffer[lineEnd] != '\n' && buffer[lineEnd] != '\r') {
                    lineEnd++;
                }
                kept = keepLast(tail, kept, buffer, lineEnd);
                if (lineEnd < n) {
                    return endsWithCount(tail, kept);
                }
                read += n;
                if (read > MAX_LINE_BYTES) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw InputLog.unreadable(file, e);
        }
        return endsWithCount(tail, kept);
    }

    /** Slides {@code bytes[0, length)} into the end of {@code tail}; how many bytes of it are now filled. */
    private static int keepLast(byte[] tail, int kept, byte[] bytes, int length) {
        int take = Math.min(TAIL_BYTES, length);
        System.arraycopy(tail, take, tail, 0, TAIL_BYTES - take);
        System.arraycopy(bytes, length - take, tail, TAIL_BYTES - take, take);
        return Math.min(TAIL_BYTES, kept + take);
    }

    /** The last {@code kept} bytes of {@code tail}, blanks at the end left out, end in a blank and digits. */
    private static boolean endsWithCount(byte[] tail, int kept) {
        int end = TAIL_BYTES;
        int first = TAIL_BYTES - kept;
        while (end > first && isBlank(tail[end - 1])) {
            end--;
        }
        int digits = end;
        while (digits > first && tail[digits - 1] >= '0' && tail[digits - 1] <= '9') {
            digits--;
        }
        return digits < end && digits > first && isBlank(tail[digits - 1]);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == 0x0B || b == '\f';
    }
}
