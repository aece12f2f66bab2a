package dev.heapscope.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A command that reads a console log ({@code analyze}, {@code report}, {@code export}, {@code diff}), fed mutated
 * logs in every output mode in turn; the oracle checks the exit code, the error line and each format's form.
 */
final class CliSurface implements Surface {
    private static final String[][] MODES = {
            {"analyze"}, {"analyze", "--json"}, {"analyze", "--folded"}, {"analyze", "--folded", "--count"},
            {"report"},
            {"export", "-f", "folded"}, {"export", "-f", "speedscope"}, {"export", "-f", "csv"},
            {"export", "-f", "leaks-csv"}, {"export", "-f", "json"}, {"export", "-f", "svg"}, {"export", "-f", "png"},
            {"diff"}, {"diff", "--json"}, {"diff", "--before", "1", "--after", "2"}};

    private final String command;
    private final List<String[]> modes;
    private final List<byte[]> seeds;
    private final Mutations mutations;
    private final Path input;
    private final Path other;
    private final Path output;

    CliSurface(String command, List<byte[]> seeds, Mutations mutations, Path work) throws IOException {
        this.command = command;
        this.modes = java.util.Arrays.stream(MODES).filter(mode -> mode[0].equals(command)).toList();
        this.seeds = seeds;
        this.mutations = mutations;
        Path folder = Files.createDirectories(work.resolve(command));
        this.input = folder.resolve("input.log");
        this.other = folder.resolve("other.log");
        this.output = folder.resolve("output");
    }

    @Override
    public String name() {
        return command;
    }

    @Override
    public FuzzInput next(long index, Random random) {
        StringBuilder description = new StringBuilder();
        byte[] bytes = mutations.mutate(seeds.get(random.nextInt(seeds.size())), seeds, random, description);
        return new FuzzInput(index, bytes, ".log", description.toString());
    }

    @Override
    public Verdict feed(FuzzInput fuzz, Path reproducer) throws Exception {
        Files.write(input, fuzz.bytes());
        Files.deleteIfExists(output);
        String[] mode = modes.get((int) (fuzz.index() % modes.size()));
        List<String> args = new ArrayList<>(List.of(mode[0]));
        if (command.equals("diff") && !List.of(mode).contains("--before")) {
            Files.write(other, seeds.get((int) (fuzz.index() / modes.size() % seeds.size())));
            boolean mutatedFirst = fuzz.index() / modes.size() % 2 == 0;
            args.add((mutatedFirst ? input : other).toString());
            args.add((mutatedFirst ? other : input).toString());
        } else {
            args.add(input.toString());
        }
        args.addAll(List.of(mode).subList(1, mode.length));
        boolean toFile = command.equals("report") || command.equals("export");
        if (toFile) {
            args.addAll(List.of("-o", output.toString()));
        }
        CliCall call = CliCall.run(args);
        String where = call.reproducer(input.toString(), reproducer.toString()).replace(output.toString(), reproducer + ".out");
        if (args.contains(other.toString())) {
            where = where.replace(other.toString(), reproducer + ".other.log");
        }
        String problem = OutputChecks.errors(call.exitCode(), call.err());
        if (problem == null && call.exitCode() == 0) {
            problem = toFile ? fileProblem(mode) : streamProblem(mode, call);
        }
        String outcome = String.join(" ", mode) + ": exit " + call.exitCode();
        if (problem == null && call.exitCode() == 0 && !toFile && !List.of(mode).contains("--json")
                && !List.of(mode).contains("--folded")) {
            // whether output captured off a terminal is escaped is the command line's choice (issue 16 says "on a
            // terminal"): noted for the lead, not failed
            String controls = OutputChecks.terminal(call.outText());
            if (controls != null) {
                keepOther(args, reproducer);
                return Verdict.noted(outcome, controls, where);
            }
        }
        if (problem != null) {
            keepOther(args, reproducer);
        }
        return problem == null ? Verdict.held(outcome) : Verdict.broken(problem, where);
    }

    /** A diff's other log (a seed) saved beside the failing input, so its command runs as written. */
    private void keepOther(List<String> args, Path reproducer) throws IOException {
        if (args.contains(other.toString())) {
            Files.createDirectories(reproducer.toAbsolutePath().getParent());
            Files.copy(other, Path.of(reproducer + ".other.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String streamProblem(String[] mode, CliCall call) {
        if (List.of(mode).contains("--json")) {
            return OutputChecks.json(call.out());
        }
        if (mode.length > 1 && mode[1].equals("--folded")) {
            return OutputChecks.folded(call.outText());
        }
        return null; // analyze's text and diff: their control characters are noted by feed
    }

    private String fileProblem(String[] mode) throws IOException {
        if (!Files.exists(output)) {
            return "exit 0 but no output file";
        }
        String format = mode[0].equals("report") ? "html" : mode[2];
        try {
            return check(format);
        } catch (java.nio.charset.CharacterCodingException e) {
            return format + " output is not valid UTF-8";
        }
    }

    private String check(String format) throws IOException {
        return switch (format) {
            case "html" -> OutputChecks.html(output);
            case "svg" -> OutputChecks.svg(output);
            case "png" -> OutputChecks.png(output);
            case "json", "speedscope" -> OutputChecks.json(Files.readAllBytes(output));
            case "folded" -> OutputChecks.folded(Files.readString(output));
            default -> OutputChecks.csv(Files.readString(output));
        };
    }
}
