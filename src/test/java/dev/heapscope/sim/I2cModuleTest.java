package dev.heapscope.sim;

import dev.heapscope.sim.lib.WorldSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * i2c as nodemcu-firmware dev-esp32 components/modules/i2c.c and i2c_hw_master.c have it, with an LM75 at
 * 0x48 on the virtual bus (FIRMWARE-FACTS.md §K).
 */
@Timeout(60)
class I2cModuleTest {
    private static final String[] READ_HW = {"i2c.start(i2c.HW0) i2c.address(i2c.HW0, 0x48, i2c.TRANSMITTER)\n",
            "i2c.write(i2c.HW0, 0) i2c.start(i2c.HW0) i2c.address(i2c.HW0, 0x48, i2c.RECEIVER)\n",
            "i2c.read(i2c.HW0, 2) i2c.stop(i2c.HW0)\n"};
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void theSensorReadsTheWorldsTemperature() {
        board.board.setWorld(new WorldSettings(Map.of("i2c.temperature", "-10.5")));
        board.type("node.restart()\n");
        board.type("i2c.setup(i2c.HW0, 21, 22, i2c.FAST)\n");
        queueRead();
        String out = board.type("d, ok = i2c.transfer(i2c.HW0) print(ok, #d, d:byte(1), d:byte(2))\n");
        assertThat(out).contains("true\t2\t245\t128"); // -21 half degrees << 7 = 0xF580
    }

    @Test
    void theSoftwareInterfaceActsAtOnceAndAnAbsentAddressDoesNotAcknowledge() {
        board.type("i2c.setup(i2c.SW, 21, 22, i2c.SLOW)\n");
        assertThat(board.type("i2c.start(i2c.SW) print(i2c.address(i2c.SW, 0x48, i2c.TRANSMITTER), i2c.write(i2c.SW, 0))\n"))
                .contains("true\t1\n");
        assertThat(board.type("i2c.start(i2c.SW) i2c.address(i2c.SW, 0x48, i2c.RECEIVER) d = i2c.read(i2c.SW, 2)\n"))
                .doesNotContain("error");
        assertThat(board.type("i2c.stop(i2c.SW) print(d:byte(1), d:byte(2))\n")).contains("21\t128\n");
        assertThat(board.type("i2c.start(i2c.SW) print(i2c.address(i2c.SW, 0x50, i2c.TRANSMITTER), i2c.write(i2c.SW, 1, 2))\n"))
                .contains("false\t0");
    }

    @Test
    void aNackOnTheHardwareInterfaceMakesTheTransferReturnNilAndFalse() {
        assertThat(board.type("i2c.setup(i2c.HW0, 21, 22, i2c.FAST) i2c.start(i2c.HW0)"
                + " i2c.address(i2c.HW0, 0x50, i2c.TRANSMITTER) i2c.stop(i2c.HW0) print(i2c.transfer(i2c.HW0))\n"))
                .contains("nil\tfalse");
    }

    @Test
    void argumentErrorsAreTheCModulesOnes() {
        assertThat(board.type("i2c.setup(3, 21, 22, 100000)\n")).contains("bad argument #1 to 'setup' (invalid i2c interface id)");
        assertThat(board.type("i2c.setup(i2c.SW, 21, 22, i2c.FAST)\n"))
                .contains("bad argument #4 to 'setup' (i2c speed too high for i2c.SW interface)");
        assertThat(board.type("i2c.setup(i2c.HW0, 35, 22, i2c.FAST)\n")).contains("bad argument #2 to 'setup' (invalid sda pin)");
        assertThat(board.type("i2c.address(i2c.SW, 128, i2c.RECEIVER)\n"))
                .contains("bad argument #2 to 'address' (i2c address out of 7-bit range)");
        assertThat(board.type("i2c.write(i2c.SW, 256)\n")).contains("numeric value for i2c.write does not fit in 1 byte");
        assertThat(board.type("i2c.read(i2c.SW, 0)\n")).contains("bad argument #2 to 'read' (i2c read size of 0 is invalid)");
        assertThat(board.type("i2c.start(i2c.HW1)\n")).contains("no commands scheduled");
    }

    @Test
    void anAsynchronousTransferHoldsItsCallbackAndCommandLinkUntilItsTaskRan() {
        board.type("i2c.setup(i2c.HW0, 21, 22, i2c.FAST) collectgarbage() collectgarbage()\n");
        int before = liveBlocks();
        queueRead();
        board.type("i2c.transfer(i2c.HW0, function(data, ack) got = data:byte(1) .. ' ' .. tostring(ack) end)\n");
        assertThat(liveBlocks()).isGreaterThan(before + 5); // command nodes, result buffer, job copy, callback
        board.board.runVirtualTime(10);
        assertThat(board.type("=got\n")).contains("\n21 true\n");
        board.type("collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isEqualTo(before + 1); // only the string in got: the job and its link are freed
    }

    private void queueRead() {
        for (String line : READ_HW) {
            assertThat(board.type(line)).doesNotContain("error");
        }
    }

    private int liveBlocks() {
        board.board.awaitIdle();
        return board.memory.live.size();
    }
}
