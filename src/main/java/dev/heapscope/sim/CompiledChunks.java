package dev.heapscope.sim;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * A chunk was compiled: its string constants are strings in the board's heap from now on (the parser's
 * luaX_newstring), held by the functions that use them. So a script that later makes an equal short string
 * (a received MQTT topic equal to one its code compares with) allocates nothing, as on the board, instead of
 * charging it then and keeping it for good: a false leak. Nothing holds the constants until the chunk's
 * closure exists, so no collection may run while they are charged. Lines typed at the prompt are not
 * charged (a typed line's constants die with it; the compiler's own memory is not modelled either).
 */
final class CompiledChunks {
    private CompiledChunks() {
    }

    static Prototype charge(LuaHeap heap, Prototype proto, String chunkName) {
        if (!"=stdin".equals(chunkName)) {
            charge(heap, proto);
        }
        return proto;
    }

    private static void charge(LuaHeap heap, Prototype proto) {
        for (LuaValue constant : proto.k) {
            if (constant instanceof LuaString string) {
                heap.trackConstant(string);
            }
        }
        for (Prototype nested : proto.p) {
            charge(heap, nested);
        }
    }
}
