package dev.heapscope.ui;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.session.ProfileRun;
import dev.heapscope.sim.Scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the user asked the allocation profiler to run, checked before anything is sent: the workload, its name for
 * the chooser, and the hook's settings.
 */
record LuaProfileRequest(String name, ProfileRun.Workload workload, ProfileRun.Settings settings) {
    /** Larger files are not typed through a 115,200-baud console line by line. */
    static final long MAX_UPLOAD_BYTES = 64 * 1024;

    /** Where the workload comes from. */
    enum Kind {
        SCENARIO("Scenario (uploaded)"),
        CHUNK("Lua chunk"),
        BOARD_FILE("File on the board"),
        UPLOAD("Upload a .lua file");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** A request that cannot be run, with the sentence that says why. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    /**
     * @param text     the chunk, the board's file name or the local file's path, as {@code kind} wants
     * @param scenario the bundled scenario, for {@link Kind#SCENARIO}
     */
    static LuaProfileRequest of(Kind kind, String text, Scenario scenario, int interval, boolean lines,
                                boolean baseline) throws Refused {
        if (interval < 0) {
            throw new Refused("The interval is a number of VM instructions, 0 or more.");
        }
        if (!lines && interval == 0) {
            throw new Refused("Without line events, an interval above 0 is needed: nothing would be sampled.");
        }
        ProfileRun.Settings settings = new ProfileRun.Settings(interval, lines, baseline);
        String typed = text == null ? "" : text.strip();
        return switch (kind) {
            case SCENARIO -> {
                if (scenario == null) {
                    throw new Refused("Choose a scenario to profile.");
                }
                yield new LuaProfileRequest(scenario.name(), ProfileRun.Workload.upload(scenario.name(),
                        scenario.text().getBytes(StandardCharsets.UTF_8)), settings);
            }
            case CHUNK -> {
                if (typed.isEmpty()) {
                    throw new Refused("Type the Lua to profile, e.g. for i = 1, 10 do handle_request(i) end");
                }
                yield new LuaProfileRequest(shortened(typed), ProfileRun.Workload.chunk(typed), settings);
            }
            case BOARD_FILE -> {
                if (!typed.matches("[\\w./-]+\\.l(ua|c)")) {
                    throw new Refused("Name the .lua or .lc file on the board to run, e.g. app.lua");
                }
                yield new LuaProfileRequest(typed, ProfileRun.Workload.boardFile(typed), settings);
            }
            case UPLOAD -> upload(typed, settings);
        };
    }

    /**
     * {@code --profile LUA}: a bundled scenario by name, else a Lua chunk; line events and a baseline run, whose
     * measured overhead needs no board clock that follows the wall clock.
     */
    static LuaProfileRequest forLaunch(String what) {
        ProfileRun.Settings settings = new ProfileRun.Settings(0, true, true);
        Scenario scenario = what.strip().endsWith(".lua") ? ScenarioCatalog.named(what.strip()) : null;
        return scenario != null
                ? new LuaProfileRequest(scenario.name(), ProfileRun.Workload.upload(scenario.name(),
                scenario.text().getBytes(StandardCharsets.UTF_8)), settings)
                : new LuaProfileRequest(shortened(what.strip()), ProfileRun.Workload.chunk(what), settings);
    }

    private static LuaProfileRequest upload(String typed, ProfileRun.Settings settings) throws Refused {
        if (typed.isEmpty()) {
            throw new Refused("Choose the .lua file to upload (Browse…).");
        }
        Path file = Path.of(typed);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.matches("[\\w.-]+\\.lua")) {
            throw new Refused("The board keeps files named like app.lua: " + name + " is not one.");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_UPLOAD_BYTES) {
                throw new Refused(String.format(java.util.Locale.ROOT, "%s is %,d bytes: at most %,d are uploaded "
                        + "through the console; put it in the firmware's flash and choose File on the board.", name,
                        size, MAX_UPLOAD_BYTES));
            }
            return new LuaProfileRequest(name, ProfileRun.Workload.upload(name, Files.readAllBytes(file)), settings);
        } catch (IOException e) {
            throw new Refused("Cannot read " + typed + ": " + InputErrorText.describe(e));
        }
    }

    /** A chunk's name in the chooser: its first line, cut. */
    private static String shortened(String chunk) {
        String first = chunk.lines().findFirst().orElse("").strip();
        boolean cut = first.length() > 40 || chunk.contains("\n");
        return "'" + (first.length() > 40 ? first.substring(0, 39) : first) + (cut ? "…'" : "'");
    }
}
