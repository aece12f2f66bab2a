package dev.heapscope.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code -o/--output FILE}: where a command's result goes, standard output when not given; a file
 * appears whole or not at all ({@link OutputTarget}).
 */
final class OutputFile {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", descriptionKey = "output")
    Path file;

    @FunctionalInterface
    interface TextBody {
        void writeTo(Writer writer) throws IOException;
    }

    /** Bytes: to the file, or to {@code stdout}. */
    void write(PrintStream stdout, OutputTarget.Body body) throws IOException {
        OutputTarget.write(file, stdout, body);
    }

    /** Text, as UTF-8. */
    void writeText(PrintStream stdout, TextBody body) throws IOException {
        OutputTarget.write(file, stdout, (OutputStream stream) -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            body.writeTo(writer);
            writer.flush();
        });
    }
}
