package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** node.output as telnet servers use it: the console to a Lua function, in chunks, through the task queue. */
class NodeOutputTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    /** Types a line, then lets the tasks it posted run (they run once the board is idle, as on the board). */
    private String type(String line) {
        String out = board.type(line);
        board.board.runVirtualTime(1);
        return out;
    }

    @Test
    void printedTextReachesTheCallbackAndTheSerialPortWhenSerialDebugIsOn() {
        type("got = {} node.output(function(s) got[#got + 1] = s end)\n");
        String serial = type("print('hello')\n");
        type("node.output(nil)\n");
        assertThat(serial).as("serial_debug defaults to on").contains("hello");
        assertThat(type("=table.concat(got):find('hello\\n', 1, true) ~= nil\n")).contains("\ntrue\n");
    }

    @Test
    void withSerialDebugOffTheSerialPortIsSilentUntilTheRedirectionEnds() {
        type("got = {} node.output(function(s) got[#got + 1] = s end, 0)\n");
        assertThat(type("print('quiet')\n")).doesNotContain("quiet");
        type("node.output()\n");
        assertThat(type("=#table.concat(got) > 0, table.concat(got):find('quiet', 1, true) ~= nil\n"))
                .contains("\ntrue\ttrue\n");
    }

    @Test
    void aLongWriteArrivesInChunksOfAtMost127Bytes() {
        type("sizes = {} node.output(function(s) if s:sub(1, 1) == 'x' then sizes[#sizes + 1] = #s end end, 0)\n");
        type("print(string.char(120):rep(300))\n");
        type("node.output()\n");
        assertThat(type("=sizes[1], sizes[2], sizes[3]\n")).contains("\n127\t127\t47\n");
    }

    @Test
    void theCallbackIsHeldUntilTheRedirectionEndsThenCollected() {
        type("setmetatable({}, {__mode = 'k'}) weak = setmetatable({}, {__mode = 'k'})\n");
        type("do local f = function(s) end weak[f] = true node.output(f, 1) end\n");
        type("collectgarbage() collectgarbage()\n");
        assertThat(type("=next(weak) ~= nil\n")).contains("\ntrue\n");
        type("node.output()\n");
        type("collectgarbage() collectgarbage()\n");
        assertThat(type("=next(weak) == nil\n")).contains("\ntrue\n");
    }

    @Test
    void aRebootEndsTheRedirection() {
        type("node.output(function(s) end, 0)\n");
        assertThat(type("node.restart()\n")).contains("NodeMCU ESP32");
        assertThat(type("print('back')\n")).contains("back");
    }
}
