package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * http.c's {@code lhttp_context_t}, the payload of a connection userdata: the esp_http_client, the seven
 * registry references in the C order (four callbacks, the context itself while a request runs, the body,
 * the certificate), the response headers gathered as C blocks ({@code list_item}) until the "headers"
 * callback, the status code and the flags. Board thread only.
 */
final class HttpContext {
    static final int CONNECT = 0;
    static final int HEADERS = 1;
    static final int DATA = 2;
    static final int COMPLETE = 3;
    static final int CONTEXT = 4;
    static final int BODY = 5;
    static final int CERT = 6;
    static final int NOREF = -2;
    /** sizeof(lhttp_context_t): client pointer, seven refs, headers pointer, int16 + uint16, task handle. */
    static final int STRUCT_BYTES = 4 + 7 * 4 + 4 + 4 + 4;
    /** sizeof(list_item) before its key and value: next, len, data[1] padded. */
    static final int LIST_ITEM_BYTES = 12;
    private static final String[] REF_NAMES = {"connect callback", "headers callback", "data callback",
        "complete callback", "self (request running)", "body", "cert"};

    /** A response header held in C until the headers callback. */
    record HeaderItem(String name, String value, int address) {
    }

    final int number;
    final int[] refs = new int[7];
    final List<HeaderItem> headers = new ArrayList<>();
    EspHttpClient client;
    int status;
    boolean async;
    boolean connected;
    boolean inCallback;
    boolean ackPending;
    boolean closeRequested;
    /** The request's rtos task (async mode): its stack and TCB blocks, empty while none runs. */
    final List<Integer> task = new ArrayList<>();
    /** What the paused http task does once {@code ack()} comes (a "data" callback returned http.DELAYACK). */
    Runnable afterAck;

    HttpContext(int number) {
        this.number = number;
        Arrays.fill(refs, NOREF);
    }

    boolean performing() {
        return !task.isEmpty();
    }

    /** context_setref: releases the slot, then refs the value (nil gives LUA_REFNIL, kept as no reference). */
    void setRef(BoardContext board, int slot, LuaValue value) {
        board.unref(refs[slot]);
        int ref = board.ref(value, "http connection#" + number + " " + REF_NAMES[slot]);
        refs[slot] = ref == -1 ? NOREF : ref;
    }

    void unsetRef(BoardContext board, int slot) {
        int ref = refs[slot];
        refs[slot] = NOREF;
        board.unref(ref);
    }

    LuaValue refValue(BoardContext board, int slot) {
        return refs[slot] < 0 ? LuaValue.NIL : board.refValue(refs[slot]);
    }
}
