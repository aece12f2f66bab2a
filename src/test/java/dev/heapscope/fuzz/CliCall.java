package dev.heapscope.fuzz;

import dev.heapscope.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One command line run in-process, as {@code heapscope ARGS} would, with what it printed. */
record CliCall(List<String> args, int exitCode, byte[] out, String err) {

    static CliCall run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        return new CliCall(args, code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The command a person types to see it again, the input named by its saved path. */
    String reproducer(String inputPath, String reproducerPath) {
        return "heapscope " + String.join(" ", args).replace(inputPath, reproducerPath);
    }
}
