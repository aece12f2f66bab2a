package dev.heapscope.scratch;

import dev.heapscope.sim.*;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;

class ScratchAgentTest {
    @Test
    void run() throws Exception {
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults(), BoardOptions.defaults());
        StringBuilder out = new StringBuilder();
        board.console().addOutputListener((b, o, l) -> { synchronized (out) { out.append(new String(b, o, l, StandardCharsets.ISO_8859_1)); } });
        board.console().loadScript("heapscope-agent.lua", Files.readString(Path.of("device-firmware/heapscope-agent.lua")));
        board.console().boot();
        String script = System.getProperty("scratch.lua", "");
        if (!script.isEmpty()) board.console().receive((script + "\n").getBytes());
        board.console().receive("dofile('heapscope-agent.lua')\n".getBytes());
        board.console().awaitIdle();
        for (int i = 0; i < 100000; i++) { board.console().runVirtualTime(0); synchronized (out) { if (out.indexOf("~HE") >= 0 || out.indexOf("~HX") >= 0) break; } }
        board.console().awaitIdle();
        String text;
        synchronized (out) { text = out.toString(); }
        Files.writeString(Path.of("/tmp/scratch-out.txt"), text);
    }
}
