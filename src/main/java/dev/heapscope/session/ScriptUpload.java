package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A file written into the board's flash by typing at its console: opened with {@code io.open} (today's
 * ESP32 firmware, where files are the standard io library's) or else {@code file.open} (older builds),
 * then {@code :write("…")} lines that each fit the console's 255 characters, then {@code :close()}. Bytes
 * that are not printable ASCII are written as decimal escapes, so any file survives the trip. The board then
 * reads the file back and prints its size and Adler-32: a line lost or garbled on the way (a full flash, a
 * console that dropped bytes) fails the upload instead of running a different script.
 */
final class ScriptUpload {
    private static final String HANDLE = "heapscope_upload";
    private static final String WRITE_START = HANDLE + ":write(\"";
    private static final String WRITE_END = "\")";
    private static final String CHECK_WORD = "heapscope-check";
    // one line of Lua: the size and Adler-32 of an open file, printed; defined apart so the call fits any name.
    // The two Adler sums print apart: b*65536+a overflows the 32-bit integers of a Lua 5.3 board.
    private static final String CHECK_FUNCTION = "heapscope_check=function(f) local n,a,b=0,1,0 "
            + "while true do local c=f:read(512) if not c then break end n=n+#c "
            + "for i=1,#c do a=(a+c:byte(i))%65521 b=(b+a)%65521 end end f:close() "
            + "print(\"" + CHECK_WORD + " \"..n..\" \"..b..\" \"..a) end";

    private final String fileName;
    private final byte[] contents;

    ScriptUpload(String fileName, byte[] contents) {
        this.fileName = fileName;
        this.contents = contents.clone();
    }

    /** The console lines, in order. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(HANDLE + " = assert((io and io.open or file.open)(" + quoted(fileName) + ", \"w\"), \"cannot create "
                + escaped(fileName) + "\")");
        int room = ProfilingSession.CONSOLE_LINE_LIMIT - WRITE_START.length() - WRITE_END.length();
        StringBuilder chunk = new StringBuilder();
        for (byte b : contents) {
            String piece = escape(b & 0xff);
            if (chunk.length() + piece.length() > room) {
                lines.add(WRITE_START + chunk + WRITE_END);
                chunk.setLength(0);
            }
            chunk.append(piece);
        }
        if (chunk.length() > 0) {
            lines.add(WRITE_START + chunk + WRITE_END);
        }
        lines.add(HANDLE + ":close() " + HANDLE + " = nil");
        return lines;
    }

    /** The lines that read the file back and print {@code heapscope-check SIZE B A} (Adler-32's sums). */
    List<String> checkLines() {
        return List.of(CHECK_FUNCTION, "heapscope_check(assert((io and io.open or file.open)(" + quoted(fileName)
                + ", \"r\"), \"cannot read " + escaped(fileName) + " back\")) heapscope_check = nil");
    }

    /** The two lines {@link #sendUnlessPresent} types before it knows whether to upload: the check, then the probe. */
    List<String> probeLines() {
        return List.of(CHECK_FUNCTION, "do local f = (io and io.open or file.open)(" + quoted(fileName) + ", \"r\") if f then "
                + "heapscope_check(f) end end heapscope_check = nil");
    }

    /** The size and Adler-32 the board should print for the file. */
    String expectedCheck() {
        long a = 1;
        long b = 0;
        for (byte value : contents) {
            a = (a + (value & 0xff)) % 65521;
            b = (b + a) % 65521;
        }
        return CHECK_WORD + " " + contents.length + " " + b + " " + a;
    }

    String dofile() {
        return "dofile(" + quoted(fileName) + ")";
    }

    /** Types every line, one answer at a time; the first the board refuses ends the upload with its error. */
    CompletableFuture<Void> sendTo(ProfilingSession session) {
        CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        for (String line : lines()) {
            sent = sent.thenCompose(ok -> session.execute(line)).thenAccept(this::requireSuccess);
        }
        List<String> check = checkLines();
        return sent.thenCompose(ok -> session.execute(check.get(0))).thenAccept(this::requireSuccess)
                .thenCompose(ok -> session.execute(check.get(1))).thenAccept(answer -> {
                    requireSuccess(answer);
                    requireSameFile(answer.output());
                });
    }

    /**
     * Uploads unless the board's flash already holds exactly these bytes (same size and Adler-32): a tool kept
     * on the board from an earlier run is not typed again, which on a real console is most of its cost (each
     * line waits for the board's answer). Completes with whether it uploaded. The probe leaves nothing behind
     * on the board, file or not.
     */
    CompletableFuture<Boolean> sendUnlessPresent(ProfilingSession session) {
        return isPresent(session).thenCompose(present -> present ? CompletableFuture.completedFuture(false)
                : sendTo(session).thenApply(ok -> true));
    }

    /** Whether the board's flash holds exactly these bytes (size and Adler-32), by {@link #probeLines()}. */
    CompletableFuture<Boolean> isPresent(ProfilingSession session) {
        List<String> probe = probeLines();
        return session.execute(probe.get(0)).thenCompose(defined -> defined.failed()
                ? CompletableFuture.completedFuture(false)
                : session.execute(probe.get(1)).thenApply(answer -> !answer.failed() && isSameFile(answer.output())));
    }

    /** The lines of an upload that is needed: the file's, then its read-back check. */
    List<String> uploadLines() {
        List<String> all = new ArrayList<>(lines());
        all.addAll(checkLines());
        return all;
    }

    private boolean isSameFile(List<String> printed) {
        String expected = expectedCheck();
        return printed.stream().map(String::strip).anyMatch(expected::equals);
    }

    private void requireSameFile(List<String> printed) {
        String expected = expectedCheck();
        String seen = printed.stream().map(String::strip).filter(line -> line.startsWith(CHECK_WORD)).findFirst()
                .orElse(null);
        if (!expected.equals(seen)) {
            String[] words = seen == null ? new String[0] : seen.split(" ");
            String found = words.length != 4 ? "nothing the check could read"
                    : words[1].equals(String.valueOf(contents.length)) ? "as many bytes with a different checksum"
                    : words[1] + " bytes";
            throw new CompletionException(new ConsoleException(ConsoleException.Kind.REFUSED,
                    "the upload of " + fileName + " did not check out: " + contents.length
                            + " bytes were sent, the board's flash holds " + found));
        }
    }

    private void requireSuccess(CommandResult answer) {
        if (answer.failed()) {
            throw new CompletionException(new ConsoleException(ConsoleException.Kind.REFUSED,
                    "uploading " + fileName + " failed: " + answer.luaError()));
        }
    }

    static String quoted(String text) {
        return "\"" + escaped(text) + "\"";
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append(escape(b & 0xff));
        }
        return out.toString();
    }

    // three digits always: "\0" followed by a digit of the text would otherwise read as one escape
    private static String escape(int b) {
        if (b == '"' || b == '\\') {
            return "\\" + (char) b;
        }
        if (b == '\n') {
            return "\\n";
        }
        if (b >= 0x20 && b < 0x7f) {
            return String.valueOf((char) b);
        }
        return String.format("\\%03d", b);
    }
}
