package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.io.ByteArrayOutputStream;

/**
 * One {@code sjson.encoder}: sjson.c's {@code ENC_DATA}. It holds the table being encoded (and each nested
 * one while it is open) and the JSON null by registry references. Its first {@code read} encodes everything
 * into one chunk string (sjson.c's chunk loop runs until the stack is empty), held by {@code current_str_ref}
 * until {@code read} has handed all of it out.
 */
final class SjsonEncoder {
    /** sizeof(ENC_DATA) + 20 * sizeof(ENC_DATA_STATE) on the ESP32: 24 + 20 * 12 (FIRMWARE-FACTS §J). */
    static final int PAYLOAD_BYTES = 24 + SjsonModule.DEFAULT_DEPTH * 12;
    private static final int NOREF = -2;
    private static final int REFNIL = -1;

    private final BoardContext board;
    private final LuaNumbers numbers;
    private final int levels;
    private int rootRef = NOREF;
    private int nullRef = REFNIL;
    private int chunkRef = NOREF;
    private int offset;
    private boolean started;

    SjsonEncoder(BoardContext board, LuaNumbers numbers, int levels) {
        this.board = board;
        this.numbers = numbers;
        this.levels = levels;
    }

    void start(LuaValue table, LuaValue options) {
        rootRef = board.ref(table, "sjson encoder table");
        if (options.istable()) {
            nullRef = board.ref(options.get("null"), "sjson encoder null");
        }
    }

    /** sjson_encoder_read_int: up to {@code size} bytes, or nothing once everything was read. */
    Varargs read(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int wanted = size;
        do {
            if (chunkRef != NOREF) {
                LuaString chunk = board.refValue(chunkRef).checkstring();
                int amount = Math.min(chunk.m_length - offset, wanted);
                out.write(chunk.m_bytes, chunk.m_offset + offset, amount);
                offset += amount;
                wanted -= amount;
                if (offset == chunk.m_length) {
                    board.unref(chunkRef);
                    chunkRef = NOREF;
                }
            }
            if (wanted > 0) {
                makeChunk();
            }
        } while (wanted > 0 && chunkRef != NOREF);
        if (out.size() == 0) {
            return LuaValue.NONE;
        }
        return board.newString(out.toByteArray(), "sjson_encoder_read");
    }

    private void makeChunk() {
        if (started) {
            return;
        }
        started = true;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        LuaValue root = board.refValue(rootRef);
        try {
            encodeTable(chunk, root, 0);
        } finally {
            board.unref(rootRef);
            rootRef = NOREF;
        }
        chunkRef = board.ref(board.newString(chunk.toByteArray(), "sjson_encoder_read"), "sjson encoder chunk");
        offset = 0;
    }

    private void encodeTable(ByteArrayOutputStream out, LuaValue table, int level) {
        if (level >= levels) {
            throw new LuaError("encoder stack overflow");
        }
        int ref = level == 0 ? NOREF : board.ref(table, "sjson encoder level " + level); // enc_push_stack
        try {
            encodeOpen(out, table, level);
        } finally {
            board.unref(ref);
        }
    }

    private void encodeOpen(ByteArrayOutputStream out, LuaValue table, int level) {
        int size = tableSize(table);
        if (size >= 0) {
            out.write('[');
            for (int i = 1; i <= size; i++) {
                if (i > 1) {
                    out.write(',');
                }
                encodeValue(out, table.rawget(i), level);
            }
            out.write(']');
            return;
        }
        LuaValue key = LuaValue.NIL;
        boolean first = true;
        while (true) {
            Varargs next = table.next(key);
            key = next.arg1();
            if (key.isnil()) {
                break;
            }
            out.write(first ? '{' : ',');
            first = false;
            encodeScalar(out, key.type() == LuaValue.TNUMBER ? key.tostring() : key); // lua_tostring on a copy
            out.write(':');
            encodeValue(out, next.arg(2), level);
        }
        if (first) {
            out.write('{');
        }
        out.write('}');
    }

    /** sjson_encoder_get_table_size: the largest positive integer key, or -1 if any other key exists. */
    private static int tableSize(LuaValue table) {
        int max = 0;
        LuaValue key = LuaValue.NIL;
        while (true) {
            key = table.next(key).arg1();
            if (key.isnil()) {
                break;
            }
            if (key.type() != LuaValue.TNUMBER) {
                return -1;
            }
            double d = key.todouble();
            int value = d == Math.rint(d) ? (int) d : 0; // lua_tointeger of a non-integral float is 0
            if (value > max) {
                max = value;
            } else if (value <= 0) {
                return -1;
            }
        }
        return (short) max; // ENC_DATA_STATE.size is a short
    }

    private void encodeValue(ByteArrayOutputStream out, LuaValue value, int level) {
        for (int count = 10; value.isfunction() && count > 0; count--) {
            value = value.call(); // sjson_encoder_next_value_is_table: a function gives its value
        }
        if (value.istable()) {
            encodeTable(out, value, level + 1);
        } else {
            encodeScalar(out, value);
        }
    }

    private void encodeScalar(ByteArrayOutputStream out, LuaValue value) {
        int type = value.type();
        if (type == LuaValue.TSTRING && nullRef != REFNIL && value.eq_b(board.refValue(nullRef))) {
            type = LuaValue.TNIL;
        }
        if (value == SjsonModule.LIGHT_NULL) {
            type = LuaValue.TLIGHTUSERDATA;
        }
        switch (type) {
            case LuaValue.TNIL, LuaValue.TLIGHTUSERDATA -> write(out, "null");
            case LuaValue.TBOOLEAN -> write(out, value.toboolean() ? "true" : "false");
            case LuaValue.TNUMBER -> {
                String text = numbers.isInteger(value) ? Integer.toString(value.toint())
                        : CNumbers.g(value.todouble(), numbers.hasIntegers() ? 9 : 19);
                write(out, text.equals("inf") || text.equals("-inf") || text.equals("nan") ? "null" : text);
            }
            case LuaValue.TSTRING -> {
                LuaString s = value.checkstring();
                SjsonStrings.quote(out, s.m_bytes, s.m_offset, s.m_length);
            }
            default -> throw new LuaError("Cannot encode type " + type);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The encoder's {@code __gc}. */
    void release() {
        board.unref(rootRef);
        board.unref(nullRef);
        board.unref(chunkRef);
        rootRef = chunkRef = NOREF;
        nullRef = REFNIL;
    }
}
