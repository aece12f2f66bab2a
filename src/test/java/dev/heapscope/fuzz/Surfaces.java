package dev.heapscope.fuzz;

import java.io.IOException;
import java.nio.file.Path;

/** The surfaces by name, each with its seeds and mutations, for the build's suite and the long campaign alike. */
final class Surfaces {
    /** Bombs are rarer than big logs: each costs up to a few hundred MiB of inflating. */
    private static final int BOMBS_PER_BIG_INPUT = 2;

    private Surfaces() {
    }

    static Surface create(String name, InputSizes sizes, Path work) throws IOException {
        Mutations mutations = new Mutations(sizes);
        return switch (name) {
            case "analyze", "report", "export", "diff" -> new CliSurface(name, SeedCorpus.logs(), mutations, work);
            case "parse" -> new ParserSurface(SeedCorpus.logs(), mutations);
            case "session", "session-open" -> new SessionSurface(SeedCorpus.sessions(work.resolve("session-seeds")),
                    new SessionMutations(mutations, sizes.bigOneIn() * BOMBS_PER_BIG_INPUT), work, name.equals("session"));
            case "sandbox" -> new SandboxSurface(SeedCorpus.luaScripts(), new LuaMutations(mutations));
            default -> throw new IllegalArgumentException("no fuzzing surface " + name);
        };
    }
}
