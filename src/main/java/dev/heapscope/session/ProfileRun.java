package dev.heapscope.session;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.parse.LuaProfileReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One allocation profile on a board: the profiler ({@code device-firmware/heapscope-profile.lua}) is uploaded over
 * the console (chunked, verified), the workload too when it is a local file or a chunk too long for one console
 * line, and the profiler run on it with {@code dofile}. Its framed output is read from the console stream; a reset
 * or crash mid-run keeps what arrived, marked incomplete, and the session goes on.
 */
public final class ProfileRun {
    static final String FILE_NAME = "heapscope-profile.lua";
    static final String WORKLOAD_FILE = "heapscope-workload.lua";

    private final byte[] profiler;

    public ProfileRun(byte[] profiler) {
        this.profiler = profiler.clone();
    }

    /** The profiler HeapScope ships. */
    public static byte[] shippedProfiler() throws IOException {
        try (InputStream in = ProfileRun.class.getResourceAsStream("/dev/heapscope/agent/" + FILE_NAME)) {
            if (in == null) {
                throw new IOException("this HeapScope was built without its profiler (" + FILE_NAME + ")");
            }
            return in.readAllBytes();
        }
    }

    /**
     * What to profile: a Lua chunk, a file already on the board, or a local file to upload under its own name.
     *
     * @param chunk    Lua source to run, or null
     * @param fileName the file on the board to run, or null
     * @param contents the local file's bytes to upload first, or null
     */
    public record Workload(String chunk, String fileName, byte[] contents) {
        public static Workload chunk(String lua) {
            return new Workload(lua, null, null);
        }

        public static Workload boardFile(String name) {
            return new Workload(null, name, null);
        }

        public static Workload upload(String name, byte[] contents) {
            return new Workload(null, name, contents.clone());
        }
    }

    /**
     * @param interval VM instructions between count events, 0 for none
     * @param lines    line events (exact lines; without them the count events sample)
     * @param baseline run the workload a second time without the hook, to measure the overhead
     */
    public record Settings(int interval, boolean lines, boolean baseline) {
        public static final Settings DEFAULT = new Settings(0, true, false);
    }

    /** The console line that runs the profiler on {@code workloadLiteral} (a quoted Lua string). */
    static String command(String workloadLiteral, Settings settings) {
        return "HS_PROFILE_INTERVAL=" + Math.max(0, settings.interval()) + " HS_PROFILE_LINES=" + settings.lines()
                + " HS_PROFILE_BASELINE=" + settings.baseline() + " HS_PROFILE_WORKLOAD=" + workloadLiteral
                + " dofile(" + ScriptUpload.quoted(FILE_NAME) + ")";
    }

    /**
     * The workload's file to type into flash before the run, or null: a local file, or a chunk too long to go into
     * the command's one console line.
     */
    private static ScriptUpload workloadUpload(Workload workload, Settings settings) {
        if (workload.chunk() != null) {
            return fitsTheCommand(workload.chunk(), settings) ? null
                    : new ScriptUpload(WORKLOAD_FILE, workload.chunk().getBytes(StandardCharsets.UTF_8));
        }
        return workload.contents() == null ? null : new ScriptUpload(workload.fileName(), workload.contents());
    }

    private static boolean fitsTheCommand(String chunk, Settings settings) {
        return command(ScriptUpload.quoted(chunk), settings).length() <= ProfilingSession.CONSOLE_LINE_LIMIT;
    }

    /** The console line that profiles {@code workload}: its chunk inline, or the file it is in. */
    private static String commandFor(Workload workload, Settings settings) {
        if (workload.chunk() != null) {
            return command(ScriptUpload.quoted(fitsTheCommand(workload.chunk(), settings) ? workload.chunk()
                    : WORKLOAD_FILE), settings);
        }
        return command(ScriptUpload.quoted(workload.fileName()), settings);
    }

    /**
     * What the typing of a profile takes on {@code wire}: the profiler's upload when the board lacks it; then the
     * probe that finds out, the workload's upload when it has one, and the command. The workload's own run and the
     * profile's lines come on top: their length depends on the workload.
     */
    public UploadedRunTime wireTime(WireTime wire, Workload workload, Settings settings) {
        ScriptUpload profilerFile = new ScriptUpload(FILE_NAME, profiler);
        ScriptUpload workloadFile = workloadUpload(workload, settings);
        double run = wire.typed(profilerFile.probeLines()) + wire.typed(List.of(commandFor(workload, settings)))
                + (workloadFile == null ? 0 : wire.typed(workloadFile.uploadLines()));
        return new UploadedRunTime(wire.typed(profilerFile.uploadLines()), run);
    }

    /** Whether the board's flash already holds this profiler (two probe lines; nothing is left behind). */
    public CompletableFuture<Boolean> onBoard(ProfilingSession session) {
        return new ScriptUpload(FILE_NAME, profiler).isPresent(session);
    }

    /** Uploads what is needed and runs the profile; completes with it, incomplete when no end line came in time. */
    public CompletableFuture<LuaAllocationProfile> run(ProfilingSession session, Workload workload, Settings settings,
                                                       long timeoutMillis) {
        return run(session, workload, settings, timeoutMillis, new CompletableFuture<>());
    }

    /**
     * As above; when {@code cancelled} completes (with the reason), the profile completes at once with what arrived,
     * marked incomplete with that reason. The board is not stopped: it finishes the workload, its lines go to the
     * console.
     */
    public CompletableFuture<LuaAllocationProfile> run(ProfilingSession session, Workload workload, Settings settings,
                                                       long timeoutMillis, CompletableFuture<String> cancelled) {
        LuaProfileReader reader = new LuaProfileReader();
        CompletableFuture<LuaAllocationProfile> result = new CompletableFuture<>();
        // the cut is made on the session's thread, which alone feeds the reader
        cancelled.thenCompose(why -> session.snapshot().thenApply(ignored -> why)).thenAccept(why -> {
            if (!result.isDone()) {
                reader.cutBy(why).ifPresentOrElse(result::complete,
                        () -> result.completeExceptionally(new IllegalStateException(why)));
            }
        });
        session.addListener(new SessionListener() {
            @Override
            public void consoleLine(String line, long hostMillis) {
                if (!result.isDone()) {
                    reader.accept(line).ifPresent(result::complete);
                }
            }

            @Override
            public void boardEvent(BoardEvent event, long hostMillis) {
                if (!result.isDone() && (event.kind() == BoardEvent.Kind.RESET || event.kind() == BoardEvent.Kind.CRASH)) {
                    reader.cutBy("the board reset while the profile ran; the lines before it are kept")
                            .ifPresent(result::complete);
                }
            }
        });
        CompletableFuture<Void> ready = new ScriptUpload(FILE_NAME, profiler).sendUnlessPresent(session)
                .thenApply(uploaded -> (Void) null);
        ScriptUpload workloadFile = workloadUpload(workload, settings);
        if (workloadFile != null) {
            ready = ready.thenCompose(ok -> workloadFile.sendTo(session));
        }
        String line = commandFor(workload, settings);
        ready.thenCompose(ok -> session.execute(line)).whenComplete((answer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else if (answer.failed() && !result.isDone()) {
                result.completeExceptionally(new IllegalStateException("the profiler failed: " + answer.luaError()));
            } else {
                // the profile prints before the prompt comes back: what has not ended by now is cut
                session.snapshot().thenRun(() -> {
                    if (!result.isDone()) {
                        reader.finish().ifPresentOrElse(result::complete, () -> result.completeExceptionally(
                                new IllegalStateException("the profiler printed nothing (is its output going elsewhere?)")));
                    }
                });
            }
        });
        return result.completeOnTimeout(null, timeoutMillis, TimeUnit.MILLISECONDS).thenCompose(profile -> profile != null
                ? CompletableFuture.completedFuture(profile)
                : session.snapshot().thenApply(ignored -> reader.finish().orElseThrow(() ->
                        new IllegalStateException("the profiler printed nothing (is its output going elsewhere?)"))));
    }
}
