package dev.heapscope.fuzz;

import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lua sandbox: mutated scripts typed into one virtual board (or run from its flash), a second of virtual time
 * for their timers, then a reboot. The oracle: the board comes back, a fresh Lua state answers after the reboot
 * (the string metatable included), and nothing it printed speaks of Java or of an internal failure.
 */
final class SandboxSurface implements Surface {
    private static final Pattern JAVA_WORDING = Pattern.compile("\\bjava\\.|org\\.luaj|\\bdev\\.heapscope\\."
            + "|[A-Z][A-Za-z]+(Exception|Error)\\b|\\tat [a-z]|vm error|a limit of its Lua engine was hit");

    private final List<byte[]> scripts;
    private final LuaMutations mutations;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private SimulatedBoard board;
    private Set<Thread> boardThreads = Set.of();

    SandboxSurface(List<byte[]> scripts, LuaMutations mutations) {
        this.scripts = scripts;
        this.mutations = mutations;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public FuzzInput next(long index, Random random) {
        StringBuilder description = new StringBuilder();
        return new FuzzInput(index, mutations.mutate(scripts, random, description), ".lua", description.toString());
    }

    /** Close to what the harness did: {@code run} executes the script from flash and runs its timers. */
    @Override
    public String command(FuzzInput input, Path reproducer) {
        return "heapscope run " + reproducer + " --seconds 1" + (input.index() % 2 == 0 ? " (the harness typed it line by line)" : "");
    }

    @Override
    public Verdict feed(FuzzInput fuzz, Path reproducer) {
        if (board == null) {
            boot();
        }
        String command = command(fuzz, reproducer);
        clear();
        if (fuzz.index() % 2 == 0) {
            board.console().receive(fuzz.bytes());
            board.console().receive(new byte[] {'\n'});
        } else {
            board.console().loadScript("fuzz.lua", new String(fuzz.bytes(), StandardCharsets.ISO_8859_1));
            board.console().executeFile("fuzz.lua");
        }
        board.console().awaitIdle();
        board.console().runVirtualTime(1_000);
        String output = output();
        Matcher java = JAVA_WORDING.matcher(output);
        if (java.find()) {
            return Verdict.broken("the board printed \"" + java.group() + "\": "
                    + OutputChecks.cut(output.substring(Math.max(0, java.start() - 80), Math.min(output.length(), java.end() + 80))), command);
        }
        board.console().pressReset();
        board.console().awaitIdle();
        clear();
        board.console().receive("=('ab'):upper(), 1 + 1\n".getBytes(StandardCharsets.US_ASCII));
        board.console().awaitIdle();
        String answer = output();
        if (!answer.contains("AB\t2")) {
            return Verdict.broken("after a reboot the board answers '=(\"ab\"):upper(), 1 + 1' with: "
                    + OutputChecks.cut(answer), command);
        }
        return Verdict.held(fuzz.index() % 2 == 0 ? "typed" : "from flash");
    }

    private void boot() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        board = SimulatedBoard.create(BoardProfile.defaults());
        board.console().addOutputListener((bytes, offset, length) -> {
            synchronized (transcript) {
                if (transcript.size() < 1 << 20) { // what the oracle reads; a script printing forever is not kept
                    transcript.write(bytes, offset, length);
                }
            }
        });
        board.console().boot();
        // the board's own threads: new since boot and running the simulator's code (never the harness's)
        boardThreads = new java.util.HashSet<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!before.contains(thread) && java.util.Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().startsWith("dev.heapscope.sim."))) {
                boardThreads.add(thread);
            }
        });
    }

    /** The stuck board's threads are stopped (a spinning one would keep a core) and the next input boots a new one. */
    @Override
    public void recoverFromHang() {
        // closing asks the chunk to stop at its next budget check (and the board's loop to end: it catches
        // everything, the stop's ThreadDeath too); only a thread still alive after that is stopped
        if (board != null) {
            board.close();
        }
        for (Thread thread : boardThreads) {
            if (thread.isAlive()) {
                Watchdog.stop(thread);
            }
        }
        board = null;
        boardThreads = Set.of();
    }

    private void clear() {
        synchronized (transcript) {
            transcript.reset();
        }
    }

    private String output() {
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        if (board != null) {
            board.close();
        }
    }
}
