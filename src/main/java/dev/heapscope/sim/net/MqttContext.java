package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaValue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * mqtt.c's {@code mqtt_context_t}, the payload of an mqtt client userdata: the esp-mqtt client (null while
 * not connecting or connected), the strings {@code luaX_alloc_string} copied into C blocks, and the twelve
 * registry references of its {@code lua_refs} union, in the C order. Board thread only.
 */
final class MqttContext {
    static final int ON_CONNECT = 0;
    static final int ON_MESSAGE = 1;
    static final int ON_OFFLINE = 2;
    static final int CONNECTED_OK = 3;
    static final int CONNECTED_NOK = 4;
    static final int PUBLISHED_OK = 5;
    static final int SUBSCRIBED_OK = 6;
    static final int UNSUBSCRIBED_OK = 7;
    static final int SELF = 8;
    static final int CERT_PEM = 9;
    static final int CLIENT_CERT_PEM = 10;
    static final int CLIENT_KEY_PEM = 11;
    static final int NOREF = -2;
    /** sizeof(mqtt_context_t) on the 32-bit ESP32: six pointers, four ints, twelve lua_ref_t. */
    static final int STRUCT_BYTES = 6 * 4 + 4 * 4 + 12 * 4;
    private static final String[] REF_NAMES = {"connect callback", "message callback", "offline callback",
        "connect ok callback", "connect fail callback", "publish callback", "subscribe callback",
        "unsubscribe callback", "weak self", "ca_cert", "client_cert", "client_key"};

    /** A C copy of a Lua string ({@code luaX_alloc_string}): NUL-terminated, so cut at the first NUL and at max. */
    record CString(String text, int address) {
        byte[] bytes() {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    final int number;
    final int[] refs = new int[12];
    EspMqttClient client;
    CString clientId;
    CString username;
    CString password;
    CString lwtTopic;
    CString lwtMessage;
    int lwtQos;
    int lwtRetain;
    int keepalive;
    boolean disableCleanSession;

    MqttContext(int number) {
        this.number = number;
        Arrays.fill(refs, NOREF);
    }

    /** A C copy of {@code value} that lives as long as the client {@code owner} (for retaining paths). */
    static CString allocString(BoardContext board, LuaValue owner, LuaValue value, int maxLength, String luaFunction) {
        org.luaj.vm2.LuaString string = value.checkstring();
        byte[] bytes = string.m_bytes;
        int length = 0;
        while (length < string.m_length && length < maxLength && bytes[string.m_offset + length] != 0) {
            length++;
        }
        String text = new String(bytes, string.m_offset, length, StandardCharsets.ISO_8859_1);
        // luaM_malloc goes through the Lua allocator: the block is charged to the Lua heap, under the C caller
        int address = board.allocateFirmware(length + 1, "l_alloc", "luaM_realloc_", "luaX_alloc_string", luaFunction);
        board.ownFirmware(address, owner, "C copy of a string");
        return new CString(text, address);
    }

    static void freeString(BoardContext board, CString string, String luaFunction) {
        if (string != null) {
            board.freeFirmware(string.address(), "l_alloc", "luaM_realloc_", "luaX_free_string", luaFunction);
        }
    }

    /** {@code luaX_set_ref}: releases what the slot held, then holds {@code value}. */
    void setRef(BoardContext board, int slot, LuaValue value) {
        unsetRef(board, slot);
        refs[slot] = board.ref(value, "mqtt client#" + number + " " + REF_NAMES[slot]);
    }

    /** {@code luaX_unset_ref}. */
    void unsetRef(BoardContext board, int slot) {
        board.unref(refs[slot]);
        refs[slot] = NOREF;
    }

    boolean valid(int slot) {
        return refs[slot] > 0;
    }

    /** {@code luaX_push_weak_ref}: the client itself, through its weak proxy table; nil once collected. */
    LuaValue self(BoardContext board) {
        return valid(SELF) ? board.refValue(refs[SELF]).rawget(1) : LuaValue.NIL;
    }
}
