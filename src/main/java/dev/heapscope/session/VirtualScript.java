package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.sim.ScenarioHeader;
import dev.heapscope.sim.SimulatedBoard;

import java.util.concurrent.CompletableFuture;

/** A script put into the virtual board's flash (in the world its header describes), run, then its timers. */
final class VirtualScript implements HuntWorkload {
    private final SimulatedBoard board;
    private final String fileName;
    private final byte[] script;
    private final long virtualSeconds;

    VirtualScript(SimulatedBoard board, String fileName, byte[] script, long virtualSeconds) {
        this.board = board;
        this.fileName = fileName;
        this.script = script;
        this.virtualSeconds = virtualSeconds;
    }

    /** The script as text, for its header's comment lines only: Lua gets the bytes. */
    static String headerText(byte[] script) {
        return new String(script, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String dofile() {
        return "dofile(" + ScriptUpload.quoted(fileName) + ")";
    }

    @Override
    public CompletableFuture<CommandResult> start(ProfilingSession session) {
        board.console().setWorld(ScenarioHeader.worldOf(headerText(script)));
        board.console().files().write(fileName, script.clone()); // as bytes: Lua source is not text
        return session.execute(dofile()).thenApply(answer -> {
            if (virtualSeconds > 0) {
                board.console().runVirtualTime(virtualSeconds * 1000);
            }
            return answer;
        });
    }

    @Override
    public String describe() {
        return dofile() + (virtualSeconds > 0 ? " and " + virtualSeconds + " s of virtual time" : "");
    }
}
