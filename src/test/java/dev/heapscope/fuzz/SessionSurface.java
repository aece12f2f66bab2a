package dev.heapscope.fuzz;

import dev.heapscope.session.Autosave;
import dev.heapscope.session.SavedSession;
import dev.heapscope.session.SessionStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The session reader: mutated {@code .heapscope} files through the commands that open them, and the same
 * entries laid out as an autosave folder for {@link Autosave#recover}. A refusal must be one line in the
 * user's words; an opened session must give its log.
 */
final class SessionSurface implements Surface {
    private static final String[][] MODES = {{"analyze"}, {"analyze", "--json"}, {"report"},
            {"export", "-f", "speedscope"}, {"export", "-f", "csv"}, {"autosave"}};
    /** Without the command line: the store and the autosave recovery called directly, many more inputs a minute. */
    private static final String[][] CORE_MODES = {{"open"}, {"autosave"}};

    private final String[][] modes;
    private final String name;
    private final List<byte[]> seeds;
    private final SessionMutations mutations;
    private final Path input;
    private final Path folder;
    private final Path output;
    private final Path scratch;

    SessionSurface(List<byte[]> seeds, SessionMutations mutations, Path work, boolean throughCommandLine) throws IOException {
        this.modes = throughCommandLine ? MODES : CORE_MODES;
        this.name = throughCommandLine ? "session" : "session-open";
        this.seeds = seeds;
        this.mutations = mutations;
        Path root = Files.createDirectories(work.resolve("session"));
        this.input = root.resolve("input.heapscope");
        this.folder = root.resolve("autosave");
        this.output = root.resolve("output");
        this.scratch = Files.createDirectories(root.resolve("scratch"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FuzzInput next(long index, Random random) {
        StringBuilder description = new StringBuilder();
        try {
            byte[] bytes = mutations.mutate(seeds.get(random.nextInt(seeds.size())), seeds, random, description, scratch);
            return new FuzzInput(index, bytes, ".heapscope", description.toString());
        } catch (Exception e) {
            throw new IllegalStateException("the harness could not build input " + index, e);
        }
    }

    @Override
    public Verdict feed(FuzzInput fuzz, Path reproducer) throws Exception {
        String[] mode = modes[(int) (fuzz.index() % modes.length)];
        if (mode[0].equals("autosave")) {
            return recover(fuzz);
        }
        Files.write(input, fuzz.bytes());
        if (mode[0].equals("open")) {
            return open(reproducer);
        }
        Files.deleteIfExists(output);
        List<String> args = new ArrayList<>(List.of(mode[0], input.toString()));
        args.addAll(List.of(mode).subList(1, mode.length));
        if (!mode[0].equals("analyze")) {
            args.addAll(List.of("-o", output.toString()));
        }
        CliCall call = CliCall.run(args);
        String problem = OutputChecks.errors(call.exitCode(), call.err());
        if (problem == null && call.exitCode() == 0) {
            problem = mode.length > 1 && mode[1].equals("--json") ? OutputChecks.json(call.out())
                    : mode[0].equals("report") ? OutputChecks.html(output)
                    : mode[0].equals("export") && mode[2].equals("speedscope") ? OutputChecks.json(Files.readAllBytes(output))
                    : mode[0].equals("export") ? OutputChecks.csv(Files.readString(output)) : null;
        }
        return problem == null ? Verdict.held(String.join(" ", mode) + ": exit " + call.exitCode())
                : Verdict.broken(problem, call.reproducer(input.toString(), reproducer.toString()));
    }

    private Verdict open(Path reproducer) {
        try {
            SessionStore.open(input).log().dumps();
            return Verdict.held("open: opened");
        } catch (IOException refused) {
            return refusal(refused, "heapscope analyze " + reproducer, "open");
        }
    }

    private static Verdict refusal(IOException refused, String command, String mode) {
        if (refused.getMessage() == null || refused.getMessage().isBlank()) {
            return Verdict.broken("refused without a message: " + refused.getClass().getSimpleName(), command);
        }
        String problem = OutputChecks.errors(2, "heapscope: " + refused.getMessage());
        return problem == null ? Verdict.held(mode + ": refused") : Verdict.broken(problem, command);
    }

    /** The entries written as the files of an autosave folder, then recovered as the app would at start-up. */
    private Verdict recover(FuzzInput fuzz) throws IOException {
        FuzzFiles.deleteTree(folder);
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> entry : ZipEntries.read(fuzz.bytes()).entrySet()) {
            Path file = folder.resolve(entry.getKey()).normalize();
            if (file.startsWith(folder) && !entry.getKey().isEmpty() && !entry.getKey().endsWith("/")) {
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
        }
        String command = "unzip -d autosave-folder REPRODUCER and recover it in the app (Autosave.recover)";
        try {
            SavedSession session = Autosave.recover(folder);
            session.log().dumps();
            return Verdict.held("autosave: recovered");
        } catch (IOException refused) {
            return refusal(refused, command, "autosave");
        }
    }
}
