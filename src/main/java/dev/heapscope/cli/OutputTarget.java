package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a command writes: standard output, or a file that appears whole or not at all (written
 * next to it under a temporary name, then moved into place), so a failed export leaves no half file.
 */
final class OutputTarget {
    private OutputTarget() {
    }

    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path file, PrintStream stdout, Body body) throws IOException {
        if (file == null) {
            OutputStream buffered = new BufferedOutputStream(stdout, 1 << 16);
            body.writeTo(new NonClosing(buffered));
            buffered.flush();
            return;
        }
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + file + ": is a directory");
        }
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + ".part");
        OutputStream opened;
        try {
            opened = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such directory" : InputErrorText.reason(e)), e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(opened, 1 << 16)) {
                body.writeTo(new NonClosing(out));
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writers like Jackson's close what they are given; standard output must stay open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
