package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class UnavailableModulesTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aFirmwareModuleTheBoardDoesNotModelIsNamedWithWhatIsModelled() {
        String out = board.type("adc.read(0)\n");
        assertThat(out).contains("stdin:1: module 'adc' is not available on the virtual board (modelled: ")
                .containsPattern("\\(modelled: [a-z0-9, ]+\\)");
        String modelled = out.substring(out.indexOf("(modelled: ") + 11, out.indexOf(')', out.indexOf("(modelled: ")));
        assertThat(modelled.split(", ")).contains("file", "gpio", "heaptrace", "i2c", "node", "sjson", "tmr", "uart")
                .isSorted().doesNotContain("adc");
        assertThat(board.type("require('ws2812')\n")).contains("module 'ws2812' is not available on the virtual board");
    }

    @Test
    void ordinaryUndefinedGlobalsStayNilAndPairsSeesNothingNew() {
        assertThat(board.type("=undefinedThing\n")).contains("\nnil\n");
        assertThat(board.type("n = 0 for k in pairs(_G) do if k == 'adc' then n = n + 1 end end print(n, rawget(_G, 'adc'))\n"))
                .contains("0\tnil");
        assertThat(board.type("=require('sjson') == sjson\n")).contains("true");
    }

    @Test
    void aScriptsOwnModuleOfThatNameIsUsed() {
        board.board.loadScript("ow.lua", "return {mine = true}");
        assertThat(board.type("=require('ow').mine\n")).contains("true");
        assertThat(board.type("adc = {x = 1} =adc.x\n")).doesNotContain("not available");
    }
}
