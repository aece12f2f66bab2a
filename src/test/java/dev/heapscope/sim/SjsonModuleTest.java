package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** sjson as nodemcu-firmware dev-esp32 components/modules/sjson.c has it (FIRMWARE-FACTS.md §J). */
@Timeout(60)
class SjsonModuleTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void encodesArraysObjectsAndScalarsAsSjsonDoes() {
        assertThat(board.type("=sjson.encode({1, 'two', true, {}})\n")).contains("[1,\"two\",true,[]]");
        assertThat(board.type("=sjson.encode({a = 'x\"y\\n'})\n")).contains("{\"a\":\"x\\\"y\\n\"}");
        // a sparse array is filled with null up to its largest key (sjson_encoder_get_table_size)
        assertThat(board.type("=sjson.encode({[1] = 1, [3] = 3})\n")).contains("[1,null,3]");
        // a function is called for its value
        assertThat(board.type("=sjson.encode({v = function() return 5 end})\n")).contains("{\"v\":5}");
        assertThat(board.type("=sjson.encode({n = 1/0})\n")).contains("{\"n\":null}");
    }

    @Test
    void refusesWhatItCannotEncodeWithTheCMessages() {
        assertThat(board.type("sjson.encode(5)\n")).contains("bad argument #1 to 'encode' (table expected, got number)");
        assertThat(board.type("sjson.encode({tmr.create()})\n")).contains("Cannot encode type 7");
        assertThat(board.type("t = {} for i = 1, 25 do t = {t} end sjson.encode(t)\n")).contains("encoder stack overflow");
        // the depth option is read with lua_tointeger of the options table: it has no effect
        assertThat(board.type("t = {} for i = 1, 25 do t = {t} end sjson.encode(t, {depth = 100})\n"))
                .contains("encoder stack overflow");
    }

    @Test
    void decodesIntoTablesWithIntegerAndFloatNumbers() {
        assertThat(board.type("t = sjson.decode('{\"a\":[1,2.5,\"s\",true,false],\"b\":{\"c\":\"d\"}}')"
                + " print(t.a[1], t.a[2], t.a[3], t.a[4], t.a[5], t.b.c)\n")).contains("1\t2.5\ts\ttrue\tfalse\td");
        assertThat(board.type("=sjson.decode('[\"\\\\u00e9\\\\n\"]')[1] == '\\195\\169\\n'\n")).contains("true");
    }

    @Test
    void nullIsALightUserdataByDefaultAndTheGivenValueOtherwise() {
        assertThat(board.type("=type(sjson.decode('[null]')[1])\n")).contains("userdata");
        assertThat(board.type("=sjson.decode('[null]', {null = 'N'})[1]\n")).contains("N");
        // with options but no null: the key is simply not set
        assertThat(board.type("t = sjson.decode('{\"a\":null,\"b\":1}', {}) print(t.a, t.b)\n")).contains("nil\t1");
        // the default null encodes back as null
        assertThat(board.type("=sjson.encode(sjson.decode('[null,1]'))\n")).contains("[null,1]");
        assertThat(board.type("=sjson.encode({'N', 1}, {null = 'N'})\n")).contains("[null,1]");
    }

    @Test
    void parseErrorsCarryJsonslNames() {
        assertThat(board.type("sjson.decode('[1,]')\n")).contains("JSON parse error: TRAILING_COMMA");
        assertThat(board.type("sjson.decode('[1 2]')\n")).contains("JSON parse error: CANT_INSERT");
        assertThat(board.type("sjson.decode('{\"a\"}')\n")).contains("JSON parse error: VALUE_EXPECTED");
        assertThat(board.type("sjson.decode('[}')\n")).contains("JSON parse error: BRACKET_MISMATCH");
        assertThat(board.type("sjson.decode('\"x\"')\n")).contains("JSON parse error: STRING_OUTSIDE_CONTAINER");
        assertThat(board.type("sjson.decode('[1')\n")).contains("Incomplete JSON object passed to sjson.decode");
        assertThat(board.type("sjson.decode('[1.2.3]')\n")).contains("Invalid number");
        // jsonsl's 20 levels include the scalar itself: 18 nested arrays around a number fit, 19 do not
        assertThat(board.type("=#sjson.decode(string.rep('[', 18) .. '1' .. string.rep(']', 18))\n")).contains("\n1\n");
        assertThat(board.type("sjson.decode(string.rep('[', 19) .. '1' .. string.rep(']', 19))\n"))
                .contains("JSON parse error: LEVELS_EXCEEDED");
    }

    @Test
    void theStreamingDecoderTakesPiecesAndKeepsItsResult() {
        String out = board.type("d = sjson.decoder() print(d:write('[10, 1')) print(d:write('1, \"fo')) "
                + "r = d:write('o\"]') print(r[1], r[2], r[3], d:result() == r)\n");
        assertThat(out).contains("\n\n\n10\t11\tfoo\ttrue\n");
        assertThat(board.type("d = sjson.decoder() d:write('[1') d:result()\n")).contains("decode not complete");
        assertThat(board.type("d = sjson.decoder() pcall(d.write, d, '[}') d:write('1')\n"))
                .contains("JSON parse error: previous call");
    }

    @Test
    void aDecoderMetatableSeesEveryInsertAndCheckpathCanDropAValue() {
        String out = board.type("seen = {} mt = {__newindex = function(t, k, v) seen[#seen + 1] = tostring(k) rawset(t, k, v) end,"
                + " checkpath = function(t, path) return path[1] ~= 'skip' end}"
                + " t = sjson.decode('{\"keep\":[1],\"skip\":[2]}', {metatable = mt})"
                + " print(t.keep[1], t.skip, #seen)\n");
        assertThat(out).contains("1\tnil\t");
    }

    @Test
    void theStreamingEncoderHandsOutTheTextInPieces() {
        String out = board.type("e = sjson.encoder({1, 2, 3}) print(e:read(3)) print(e:read(3)) print(e:read(3))"
                + " print(select('#', e:read()))\n");
        // sjson_encoder_read_int returns no value at all once everything was read
        assertThat(out).contains("[1,\n2,3\n]\n0\n");
    }

    @Test
    void decodedTablesAreLuaObjectsAndTheDecoderIsFreedWithItsReferences() {
        board.type("collectgarbage() collectgarbage()\n");
        int before = liveBlocks();
        board.type("kept = sjson.decode('{\"a\":[1,2,3],\"b\":\"a longer string value here\"}')\n");
        board.type("collectgarbage() collectgarbage()\n");
        int withResult = liveBlocks();
        // the result, its list and its string stay; the decoder userdata and its wrapper table were collected
        assertThat(withResult).isGreaterThanOrEqualTo(before + 3);
        board.type("kept = nil collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isEqualTo(before);
    }

    @Test
    void aDecoderChargesItsCStateAsAUserdataFromItsCFunction() {
        board.type("collectgarbage() collectgarbage()\n");
        long free = heap();
        board.type("d = sjson.decoder()\n");
        // the userdata (24-byte header + JSN_DATA + jsonsl with 20 levels) and its result table at least
        assertThat(free - heap()).isGreaterThanOrEqualTo(24 + 788 + 32);
        board.type("d = nil collectgarbage() collectgarbage()\n");
        assertThat(heap()).isEqualTo(free);
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
