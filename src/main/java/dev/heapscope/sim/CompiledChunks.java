package dev.heapscope.sim;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

import java.util.HashSet;
import java.util.Set;

/**
 * The short string constants of every chunk compiled since boot. On the board the parser interns them
 * when the chunk is loaded, so a script that later makes an equal short string (a received MQTT topic equal
 * to one its code compares with) allocates nothing. The virtual board does not model the compiler's memory;
 * charging such a string when the script first makes it, and keeping it as long as the constant lives,
 * would be a leak the board never shows. So an equal string is not charged at all: at most one string per
 * distinct constant goes uncounted, where the board counted it once at load time.
 */
final class CompiledChunks {
    private final Set<LuaString> shortConstants = new HashSet<>();

    /** Remembers the constants of {@code proto} and the functions in it; returns it. */
    Prototype compiled(Prototype proto) {
        for (LuaValue constant : proto.k) {
            if (constant instanceof LuaString string && string.m_length <= LuaObjects.MAX_SHORT_STRING) {
                shortConstants.add(string);
            }
        }
        for (Prototype nested : proto.p) {
            compiled(nested);
        }
        return proto;
    }

    /** Whether an equal short string is a constant of a compiled chunk (interned at load on the board). */
    boolean holds(LuaString string) {
        return string.m_length <= LuaObjects.MAX_SHORT_STRING && shortConstants.contains(string);
    }
}
