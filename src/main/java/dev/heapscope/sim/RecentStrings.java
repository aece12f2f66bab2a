package dev.heapscope.sim;

import org.luaj.vm2.LuaString;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * LuaJ 3.0.1's static cache of recently made short strings ({@code LuaString.RecentShortStrings}:
 * 128 slots, strings of at most 32 bytes, slot = hash &amp; 127), and what the tracker must do about it.
 *
 * <p>The cache keeps the last short string of each slot reachable, so after {@code collectgarbage()}
 * up to 128 garbage strings would stay "live" and show up as leaks. Lua has no such cache, so a full
 * collection empties it before the JVM collects ({@link #forgetAll()}); it is only a speed-up for
 * LuaJ and nothing relies on the identity of cached strings (LuaString compares bytes).
 *
 * <p>The cache also makes {@code LuaString.valueOf} hand back the very object it made before for the
 * same bytes. Lua 5.3 interns short strings too, so making an existing short string allocates
 * nothing: {@link #alreadyTracked} lets the tracker charge such an object once, by remembering per
 * cache slot which tracked slot holds the last short string it charged (no strong reference).
 */
final class RecentStrings {
    static final int MAX_CACHED_LENGTH = 32;
    private static final int SLOTS = 128;
    private static final LuaString[] LUAJ_CACHE = luajCache();

    private final int[] trackedSlot = new int[SLOTS];

    RecentStrings() {
        Arrays.fill(trackedSlot, -1);
    }

    private static LuaString[] luajCache() {
        try {
            Class<?> holder = Class.forName("org.luaj.vm2.LuaString$RecentShortStrings");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(holder, MethodHandles.lookup());
            VarHandle field = lookup.findStaticVarHandle(holder, "recent_short_strings", LuaString[].class);
            return (LuaString[]) field.get();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another LuaJ version: nothing to clear, garbage short strings may then look live until overwritten
            System.getLogger(RecentStrings.class.getName()).log(System.Logger.Level.WARNING,
                    "LuaJ's recent-strings cache not found; short garbage strings may look leaked", e);
            return null;
        }
    }

    /** Empties LuaJ's cache (shared by every LuaJ user in this JVM; harmless, it only refills). */
    static void clearLuaJCache() {
        if (LUAJ_CACHE != null) {
            Arrays.fill(LUAJ_CACHE, null);
        }
    }

    /** Whether {@code string} is the short string this board last charged in its cache slot. */
    boolean alreadyTracked(LuaString string, TrackedObjects objects) {
        if (string.m_length > MAX_CACHED_LENGTH) {
            return false;
        }
        int slot = trackedSlot[string.hashCode() & (SLOTS - 1)];
        return slot >= 0 && objects.holds(slot, string);
    }

    void remember(LuaString string, int slot) {
        if (string.m_length <= MAX_CACHED_LENGTH) {
            trackedSlot[string.hashCode() & (SLOTS - 1)] = slot;
        }
    }

    void forgetAll() {
        Arrays.fill(trackedSlot, -1);
        clearLuaJCache();
    }
}
