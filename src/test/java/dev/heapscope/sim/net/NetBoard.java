package dev.heapscope.sim.net;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.lib.WorldSettings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A booted esp32-devkitc virtual board in a given world, with a transcript of what it printed. */
final class NetBoard implements AutoCloseable {
    final SimulatedBoard simulated = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

    NetBoard() {
        this(Map.of());
    }

    NetBoard(Map<String, String> world) {
        simulated.console().setWorld(new WorldSettings(world));
        simulated.console().addOutputListener((bytes, offset, length) -> {
            synchronized (transcript) {
                transcript.write(bytes, offset, length);
            }
        });
        simulated.console().boot();
    }

    /** Types one line (or several), waits, returns what the board printed meanwhile. */
    String type(String line) {
        synchronized (transcript) {
            transcript.reset();
        }
        simulated.console().receive((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
        simulated.console().awaitIdle();
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The value of a Lua expression, as {@code =expr} prints it. */
    String eval(String expression) {
        String out = type("=" + expression);
        String[] lines = out.split("\r?\n");
        return lines.length >= 2 ? lines[1] : "";
    }

    /** Runs virtual time; returns what the board printed meanwhile. */
    String run(long millis) {
        synchronized (transcript) {
            transcript.reset();
        }
        simulated.console().runVirtualTime(millis);
        simulated.console().awaitIdle();
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Connects the station (forgiving world unless the scenario names APs) and waits for its address. */
    void joinWifi() {
        type("wifi.mode(wifi.STATION) wifi.start() wifi.sta.config({ssid='HeapScope'}) wifi.sta.connect()");
        run(1_500);
    }

    HeapSnapshot snapshot() {
        return simulated.console().snapshot("test");
    }

    VirtualNetwork network() {
        return simulated.console().network();
    }

    @Override
    public void close() {
        simulated.close();
    }
}
