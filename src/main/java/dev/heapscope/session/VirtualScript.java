package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.sim.ScenarioHeader;
import dev.heapscope.sim.SimulatedBoard;

import java.util.concurrent.CompletableFuture;

/** A script put into the virtual board's flash (in the world its header describes), run, then its timers. */
final class VirtualScript implements HuntWorkload {
    private final SimulatedBoard board;
    private final String fileName;
    private final String text;
    private final long virtualSeconds;

    VirtualScript(SimulatedBoard board, String fileName, String text, long virtualSeconds) {
        this.board = board;
        this.fileName = fileName;
        this.text = text;
        this.virtualSeconds = virtualSeconds;
    }

    private String dofile() {
        return "dofile(" + ScriptUpload.quoted(fileName) + ")";
    }

    @Override
    public CompletableFuture<CommandResult> start(ProfilingSession session) {
        board.console().setWorld(ScenarioHeader.worldOf(text));
        board.console().loadScript(fileName, text);
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
