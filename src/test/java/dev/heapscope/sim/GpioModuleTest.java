package dev.heapscope.sim;

import dev.heapscope.sim.lib.WorldSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** gpio as nodemcu-firmware dev-esp32 components/modules/gpio.c has it (FIRMWARE-FACTS.md §G). */
@Timeout(60)
class GpioModuleTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private void world(String key, String value) {
        board.board.setWorld(new WorldSettings(Map.of(key, value)));
        board.type("node.restart()\n"); // modules read the world at boot
    }

    @Test
    void writesAndReadsBackAnInOutPin() {
        assertThat(board.type("gpio.config({gpio = 2, dir = gpio.IN_OUT}) gpio.write(2, 1) print(gpio.read(2))"
                + " gpio.write(2, 0) print(gpio.read(2))\n")).contains("\n1\n0\n");
    }

    @Test
    void argumentErrorsAreTheCModulesOnes() {
        assertThat(board.type("gpio.config(5)\n")).contains("bad argument #1 to 'config' (table expected, got number)");
        assertThat(board.type("gpio.config({dir = gpio.IN})\n")).contains("missing/bad 'gpio' field");
        assertThat(board.type("gpio.config({gpio = 35, dir = gpio.OUT})\n")).contains("invalid argument");
        assertThat(board.type("gpio.read(20)\n")).contains("invalid argument");
        assertThat(board.type("gpio.trig(40, gpio.INTR_UP, print)\n")).contains("invalid gpio");
        // the ESP32 API takes the interrupt type as a number: the ESP8266's 'up'/'none' strings are refused
        assertThat(board.type("gpio.trig(4, 'none')\n")).contains("bad argument #2 to 'trig' (number expected, got string)");
        assertThat(board.type("gpio.trig(4, gpio.INTR_UP, 5)\n")).contains("bad argument #3 to 'trig' (function expected, got number)");
        assertThat(board.type("gpio.set_drive(4, 9)\n"))
                .contains("bad argument #2 to 'set_drive' (pad strength must be between gpio.DRIVE_0 and gpio.DRIVE_3)");
    }

    @Test
    void scheduledEdgesRunTheCallbackWithPinAndLevelLater() {
        world("gpio.4", "every 500ms");
        board.type("seen = {} gpio.config({gpio = 4, dir = gpio.IN}) gpio.trig(4, gpio.INTR_UP_DOWN,"
                + " function(pin, level) seen[#seen + 1] = pin .. ':' .. level end)\n");
        board.board.runVirtualTime(2_100);
        assertThat(board.type("=table.concat(seen, ' ')\n")).contains("4:1 4:0 4:1 4:0");
    }

    @Test
    void anEdgeListDrivesOnlyTheEdgesTheTriggerAsksFor() {
        world("gpio.5", "100ms:1, 200ms:0, 300ms:1");
        board.type("n = 0 gpio.config({gpio = 5, dir = gpio.IN}) gpio.trig(5, gpio.INTR_UP, function() n = n + 1 end)\n");
        board.board.runVirtualTime(400);
        assertThat(board.type("=n, gpio.read(5)\n")).contains("\n2\t1\n");
    }

    @Test
    void trigWithIntrNoneReleasesTheCallbackSoItsClosureIsCollected() {
        world("gpio.4", "every 10ms");
        board.type("gpio.trig(4, gpio.INTR_UP, function() end)\n"); // makes gpio_cb_refs once
        board.type("gpio.trig(4, gpio.INTR_NONE)\n");
        board.type("collectgarbage() collectgarbage()\n");
        int before = liveBlocks();
        board.type("do local big = string.rep('x', 3000) .. '!' gpio.trig(4, gpio.INTR_UP, function() return #big end) end\n");
        board.type("collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isGreaterThanOrEqualTo(before + 2); // the closure and the string it captures
        board.type("gpio.trig(4, gpio.INTR_NONE) collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isEqualTo(before);
    }

    @Test
    void theFirstTrigAllocatesTheReferenceVectorOnceAndEdgesAllocateNothing() {
        world("gpio.4", "every 10ms");
        board.type("collectgarbage() collectgarbage()\n");
        long free = heap();
        board.type("gpio.trig(4, gpio.INTR_UP_DOWN, function() end) collectgarbage() collectgarbage()\n");
        long afterTrig = heap();
        assertThat(free - afterTrig).isGreaterThanOrEqualTo(160); // luaM_newvector(L, 40, int)
        board.board.runVirtualTime(1_000);
        board.type("collectgarbage() collectgarbage()\n");
        assertThat(heap()).isEqualTo(afterTrig);
    }

    private long heap() {
        String out = board.type("=node.heap()\n");
        return Long.parseLong(out.replaceAll("(?s).*?\n(\\d+)\n.*", "$1"));
    }

    private int liveBlocks() {
        board.board.awaitIdle();
        return board.memory.live.size();
    }
}
