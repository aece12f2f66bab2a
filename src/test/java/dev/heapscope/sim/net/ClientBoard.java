package dev.heapscope.sim.net;

import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.lib.WorldSettings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A booted virtual board (the default profile) whose station already has an address, for the mqtt and http
 * client tests: wifi is another module's business, so the tests give the station its IP directly.
 */
final class ClientBoard implements AutoCloseable {
    final SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults());
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

    ClientBoard() {
        this(Map.of());
    }

    ClientBoard(Map<String, String> world) {
        board.console().setWorld(new WorldSettings(world));
        board.console().addOutputListener((bytes, offset, length) -> {
            synchronized (transcript) {
                transcript.write(bytes, offset, length);
            }
        });
        board.console().boot();
        board.console().later(() -> {
            board.console().network().setStationAddress("192.168.4.2");
            return null;
        }).join();
    }

    /** Types the lines, waits until the board is idle, returns what it printed meanwhile. */
    String type(String text) {
        clear();
        board.console().receive((text + "\n").getBytes(StandardCharsets.ISO_8859_1));
        board.console().awaitIdle();
        return output();
    }

    /** Runs virtual time; returns what the board printed meanwhile. */
    String run(long millis) {
        clear();
        board.console().runVirtualTime(millis);
        return output();
    }

    /** The value of a Lua expression as the board prints it. */
    String eval(String expression) {
        String out = type("=" + expression);
        String[] lines = out.split("\r?\n");
        return lines.length >= 2 ? lines[1] : "";
    }

    long freeHeap() {
        return Long.parseLong(eval("node.heap()").trim());
    }

    <T> T onBoard(java.util.function.Supplier<T> action) {
        return board.console().later(action).join();
    }

    String output() {
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    void clear() {
        synchronized (transcript) {
            transcript.reset();
        }
    }

    @Override
    public void close() {
        board.close();
    }
}
