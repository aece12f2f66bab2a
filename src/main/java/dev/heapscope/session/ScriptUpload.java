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
 * that are not printable ASCII are written as decimal escapes, so any file survives the trip.
 */
final class ScriptUpload {
    private static final String HANDLE = "heapscope_upload";
    private static final String WRITE_START = HANDLE + ":write(\"";
    private static final String WRITE_END = "\")";

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

    String dofile() {
        return "dofile(" + quoted(fileName) + ")";
    }

    /** Types every line, one answer at a time; the first the board refuses ends the upload with its error. */
    CompletableFuture<Void> sendTo(ProfilingSession session) {
        CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        for (String line : lines()) {
            sent = sent.thenCompose(ok -> session.execute(line)).thenAccept(this::requireSuccess);
        }
        return sent;
    }

    private void requireSuccess(CommandResult answer) {
        if (answer.failed()) {
            throw new CompletionException(new ConsoleException(ConsoleException.Kind.REFUSED,
                    "uploading " + fileName + " failed: " + answer.luaError()));
        }
    }

    private static String quoted(String text) {
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
