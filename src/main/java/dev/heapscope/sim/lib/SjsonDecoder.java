package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * One {@code sjson.decoder}: the C state of sjson.c's {@code JSN_DATA} with its jsonsl parser. What it holds
 * it holds as sjson.c does, by registry references: the result wrapper table ({@code result_ref}), the JSON
 * null, the metatable, the path table, each open container ({@code lua_object_ref} per level), a pending key
 * ({@code hkey_ref}) and the unparsed input ({@code buffer_ref}: the argument itself the first time, a merged
 * Lua string after that). {@link SjsonParser} finds the elements; this class builds the Lua values.
 */
final class SjsonDecoder implements SjsonParser.Listener {
    /** sizeof(JSN_DATA) + jsonsl_get_size(20) on the ESP32 (ILP32): 56 + 124 + 19 * 32 (FIRMWARE-FACTS §J). */
    static final int PAYLOAD_BYTES = 56 + 124 + 19 * 32;
    private static final int NOREF = -2;

    private final BoardContext board;
    private final LuaNumbers numbers;
    private final SjsonParser parser;
    private int resultRef = NOREF;
    private int nullRef = NOREF;
    private int metatableRef = NOREF;
    private int posRef = NOREF;
    private int hkeyRef = NOREF;
    private int bufferRef = NOREF;
    private int[] levelRefs;
    private int[] usedCounts;
    private boolean complete;
    private String error;
    private byte[] buffer = new byte[0];
    private long bufferStart;
    private long minNeeded;
    private String cFunction;

    SjsonDecoder(BoardContext board, LuaNumbers numbers, int levels) {
        this.board = board;
        this.numbers = numbers;
        this.parser = new SjsonParser(levels, this);
        this.levelRefs = new int[levels + 1];
        this.usedCounts = new int[levels + 1];
        java.util.Arrays.fill(levelRefs, NOREF);
    }

    /** sjson_decoder_int after the userdata exists: the default null, the result table, the options. */
    void start(LuaValue options, String madeBy) {
        this.cFunction = madeBy;
        nullRef = board.ref(SjsonModule.LIGHT_NULL, "sjson decoder null");
        resultRef = board.ref(board.newTable(madeBy), "sjson decoder result");
        if (options.istable()) {
            board.unref(nullRef);
            nullRef = board.ref(options.get("null"), "sjson decoder null");
            LuaValue metatable = options.get("metatable");
            metatableRef = board.ref(metatable, "sjson decoder metatable");
            if (!metatable.isnil() && !metatable.get("checkpath").isnil()) {
                posRef = board.ref(board.newTable(madeBy), "sjson decoder path");
            }
        }
    }

    /** sjson_decoder_write_int: returns the result once the top-level object or array has closed. */
    Varargs write(LuaString argument) {
        byte[] bytes = new byte[argument.m_length];
        System.arraycopy(argument.m_bytes, argument.m_offset, bytes, 0, bytes.length);
        if (error != null) {
            throw new LuaError("JSON parse error: previous call");
        }
        if (!complete) {
            if (bufferRef != NOREF) { // keep what the parser still needs, then the new piece, as one Lua string
                int discard = (int) (minNeeded - bufferStart);
                byte[] merged = new byte[buffer.length - discard + bytes.length];
                System.arraycopy(buffer, discard, merged, 0, buffer.length - discard);
                System.arraycopy(bytes, 0, merged, buffer.length - discard, bytes.length);
                bufferStart += discard;
                board.unref(bufferRef);
                buffer = merged;
                bufferRef = board.ref(board.newString(merged, "sjson_decoder_write"), "sjson decoder buffer");
            } else {
                buffer = bytes;
                bufferRef = board.ref(argument, "sjson decoder buffer");
            }
            error = parser.feed(bytes);
            if (error != null) {
                throw new LuaError("JSON parse error: " + error);
            }
        }
        if (complete) {
            freeWorkingData();
            return result();
        }
        return LuaValue.NONE;
    }

    LuaValue result() {
        if (!complete) {
            throw new LuaError("decode not complete");
        }
        return board.refValue(resultRef).get(1);
    }

    private void freeWorkingData() {
        for (int i = 0; i < levelRefs.length; i++) {
            board.unref(levelRefs[i]);
            levelRefs[i] = NOREF;
        }
        for (int ref : new int[]{metatableRef, hkeyRef, nullRef, posRef, bufferRef}) {
            board.unref(ref);
        }
        metatableRef = hkeyRef = nullRef = posRef = bufferRef = NOREF;
    }

    /** The decoder's {@code __gc}. */
    void destroy() {
        freeWorkingData();
        board.unref(resultRef);
        resultRef = NOREF;
    }

    private String text(long from, long to) {
        return new String(buffer, (int) (from - bufferStart), (int) (to - from), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public void pushed(SjsonParser.Kind kind, int level, long posBegin) {
        if (kind == SjsonParser.Kind.OBJECT || kind == SjsonParser.Kind.LIST) {
            LuaTable table = board.newTable(cFunction);
            LuaValue metatable = board.refValue(metatableRef);
            if (!metatable.isnil()) {
                table.setmetatable(metatable);
            }
            levelRefs[level] = board.ref(table, "sjson decoder level " + level);
            usedCounts[level] = 0;
            LuaValue key = nextKey(level);
            LuaValue path = board.refValue(posRef);
            if (posRef != NOREF && level > 1) {
                path.set(level - 1, key);
                board.tableWritten((LuaTable) path);
            }
            boolean wanted = true;
            if (posRef != NOREF) {
                LuaValue checkpath = board.refValue(metatableRef).get("checkpath");
                if (!checkpath.isnil()) {
                    try {
                        wanted = checkpath.call(table, path).toboolean();
                    } catch (LuaError e) {
                        wanted = true; // luaL_pcallx leaves the message, which counts as true
                    }
                }
            }
            if (wanted) {
                store(level, key, table);
            }
        }
        minNeeded = posBegin;
    }

    @Override
    public void popped(SjsonParser.Kind kind, int level, long posBegin, long posCur, String special) {
        switch (kind) {
            case HKEY -> hkeyRef = board.ref(string(posBegin, posCur), "sjson decoder key");
            case STRING -> store(level, nextKey(level), string(posBegin, posCur));
            case SPECIAL -> {
                LuaValue value = special == null ? number(text(posBegin, posCur)) : switch (special) {
                    case "true" -> LuaValue.TRUE;
                    case "false" -> LuaValue.FALSE;
                    default -> board.refValue(nullRef);
                };
                store(level, nextKey(level), value);
            }
            default -> {
                board.unref(levelRefs[level]);
                levelRefs[level] = NOREF;
                if (posRef != NOREF) {
                    LuaValue path = board.refValue(posRef);
                    path.set(level, LuaValue.NIL);
                }
                if (level == 1) {
                    complete = true;
                }
            }
        }
    }

    @Override
    public boolean complete() {
        return complete;
    }

    /** The parent's key for the element now at {@code level}: the pending object key, else the next index. */
    private LuaValue nextKey(int level) {
        if (hkeyRef != NOREF) {
            LuaValue key = board.refValue(hkeyRef);
            board.unref(hkeyRef);
            hkeyRef = NOREF;
            return key;
        }
        return LuaValue.valueOf(level == 1 ? 1 : ++usedCounts[level - 1]);
    }

    private void store(int level, LuaValue key, LuaValue value) {
        LuaValue parent = board.refValue(level == 1 ? resultRef : levelRefs[level - 1]);
        parent.set(key, value); // lua_settable: a metatable's __newindex sees it
        board.tableWritten((LuaTable) parent);
    }

    private LuaValue string(long posBegin, long posCur) {
        return board.newString(SjsonStrings.unescape(buffer, (int) (posBegin + 1 - bufferStart),
                (int) (posCur - bufferStart)), cFunction);
    }

    /** lua_stringtonumber: an integer if it is one and fits, else a float; anything else is refused. */
    private LuaValue number(String text) {
        if (text.matches("-?[0-9]+")) {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                value = Long.MAX_VALUE;
            }
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return numbers.integer(value);
            }
        }
        if (!text.matches("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            throw new LuaError("Invalid number");
        }
        return numbers.floating(Double.parseDouble(text));
    }
}
