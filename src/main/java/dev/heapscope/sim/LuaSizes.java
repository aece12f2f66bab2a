package dev.heapscope.sim;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Block sizes of Lua 5.3 objects on a 32-bit ESP32 build ({@code 5.3-int32-singlefp}); see
 * {@code simulator/LUA-SIZES.md} for the derivation. Table capacities are read from LuaJ's own
 * (protected) array and hash parts, so growth follows LuaJ's policy, sized with Lua 5.3's layouts.
 */
final class LuaSizes {
    static final int TABLE_HEADER = 32;
    static final int TVALUE = 8;
    static final int HASH_NODE = 20;
    static final int TSTRING_HEADER = 16;
    static final int LCLOSURE_HEADER = 16;
    static final int UPVALUE_POINTER = 4;
    static final int UDATA_HEADER = 24;
    static final int LUA_STATE = 112 + 40 * TVALUE + 36;
    /**
     * What Lua has in use right after boot (global state, registry, the libraries' RAM part; NodeMCU keeps
     * most library tables in flash as ROTables). An estimate, not a measurement: it only paces the
     * collector and is part of {@code collectgarbage("count")}; see simulator/LUA-GC.md.
     */
    static final int STATE_AT_BOOT = 8 * 1024;

    // exact-typed handles on LuaJ's protected table parts (invokeExact on a constant handle inlines)
    private static final MethodHandle ARRAY_GET;
    private static final MethodHandle ARRAY_SET;
    private static final MethodHandle HASH_GET;
    private static final MethodHandle HASH_SET;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(LuaTable.class, MethodHandles.lookup());
            Class<?> slots = Class.forName("[Lorg.luaj.vm2.LuaTable$Slot;");
            ARRAY_GET = lookup.findGetter(LuaTable.class, "array", LuaValue[].class);
            ARRAY_SET = lookup.findSetter(LuaTable.class, "array", LuaValue[].class);
            HASH_GET = lookup.findGetter(LuaTable.class, "hash", slots)
                    .asType(MethodType.methodType(Object[].class, LuaTable.class));
            HASH_SET = lookup.findSetter(LuaTable.class, "hash", slots)
                    .asType(MethodType.methodType(void.class, LuaTable.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LuaSizes() {
    }

    /** LuaJ's array part itself (may hold weak wrappers in a weak table): for reading only. */
    static LuaValue[] arrayPart(LuaTable table) {
        try {
            return (LuaValue[]) ARRAY_GET.invokeExact(table);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] hashPart(LuaTable table) {
        try {
            return (Object[]) HASH_GET.invokeExact(table);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives {@code target} (empty, just made) the parts of {@code source}, which nothing uses afterwards. */
    static void adoptParts(LuaTable target, LuaTable source) {
        try {
            ARRAY_SET.invokeExact(target, arrayPart(source));
            HASH_SET.invokeExact(target, hashPart(source));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static int arraySlots(LuaTable table) {
        LuaValue[] array = arrayPart(table);
        return array == null ? 0 : array.length;
    }

    static int hashSlots(LuaTable table) {
        Object[] hash = hashPart(table);
        return hash == null ? 0 : hash.length;
    }

    /** Changes whenever either part of the table is resized. */
    static int capacityCode(LuaTable table) {
        return arraySlots(table) * 31 + hashSlots(table);
    }

    static int table(LuaTable table) {
        return TABLE_HEADER + TVALUE * arraySlots(table) + HASH_NODE * hashSlots(table);
    }

    static int string(int lengthBytes) {
        return TSTRING_HEADER + lengthBytes + 1;
    }

    static int closure(int upvalues) {
        return LCLOSURE_HEADER + UPVALUE_POINTER * Math.max(upvalues, 0);
    }

    static int userdata(int payloadBytes) {
        return UDATA_HEADER + payloadBytes;
    }
}
