package dev.heapscope.sim;

import dev.heapscope.model.PathSpelling;

import dev.heapscope.model.RetainingPath;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The first path by which a marking pass reached each object: one node per object, pointing at the
 * node it was reached from and the edge it took (a field, a key, a metatable, an upvalue, a frame's
 * local...). Marking is breadth first, so each path is a shortest one. Formats paths the way a Lua
 * developer reads them: {@code _G.cache.entries[*]}, {@code tmr#2 callback ▸ upvalue 'history'}.
 */
final class PathTree {
    static final byte ROOT = 0;
    static final byte FIELD = 1;
    static final byte KEY = 2;
    static final byte METATABLE = 3;
    static final byte UPVALUE = 4;
    static final byte LABEL = 5;

    static final String SEPARATOR = PathSpelling.SEPARATOR;
    /** Concrete paths longer than this many segments keep their first and last ones (a linked list is deep). */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "break", "do", "else", "elseif",
            "end", "false", "for", "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
            "then", "true", "until", "while");

    private int[] parent = new int[256];
    private byte[] edge = new byte[256];
    private Object[] key = new Object[256];
    private RetainingPath[] formatted = new RetainingPath[256];
    private int size;

    /** A node reached from {@code parentNode} (-1 for a root, then {@code edgeKey} is its label). */
    int add(int parentNode, byte edgeKind, Object edgeKey) {
        if (size == parent.length) {
            int n = size * 2;
            parent = Arrays.copyOf(parent, n);
            edge = Arrays.copyOf(edge, n);
            key = Arrays.copyOf(key, n);
            formatted = Arrays.copyOf(formatted, n);
        }
        parent[size] = parentNode;
        edge[size] = parentNode < 0 ? ROOT : edgeKind;
        key[size] = edgeKey;
        return size++;
    }

    int size() {
        return size;
    }

    RetainingPath path(int node) {
        RetainingPath known = formatted[node];
        if (known == null) {
            List<Integer> chain = new ArrayList<>();
            for (int at = node; at >= 0; at = parent[at]) {
                chain.add(at);
            }
            List<String> concrete = new ArrayList<>(chain.size());
            List<String> grouped = new ArrayList<>(chain.size());
            for (int i = chain.size() - 1; i >= 0; i--) {
                int at = chain.get(i);
                concrete.add(segment(edge[at], key[at], false));
                grouped.add(segment(edge[at], key[at], true));
            }
            known = new RetainingPath(PathSpelling.collapseRuns(grouped), PathSpelling.elide(concrete));
            formatted[node] = known;
        }
        return known;
    }

    private static String segment(byte kind, Object edgeKey, boolean grouped) {
        return switch (kind) {
            case ROOT -> String.valueOf(edgeKey);
            case FIELD -> field((LuaValue) edgeKey, grouped);
            case KEY -> SEPARATOR + "key";
            case METATABLE -> SEPARATOR + "metatable";
            case UPVALUE -> SEPARATOR + "upvalue '" + edgeKey + "'";
            default -> SEPARATOR + edgeKey;
        };
    }

    /** {@code .name} for identifier keys; other keys concrete ({@code [3]}, {@code ["req:1"]}) or grouped ({@code [*]}). */
    static String field(LuaValue fieldKey, boolean grouped) {
        if (fieldKey instanceof LuaString string) {
            String text = string.tojstring();
            if (IDENTIFIER.matcher(text).matches() && !KEYWORDS.contains(text)) {
                return "." + text;
            }
            return grouped ? "[*]" : "[" + PathSpelling.quoted(shortened(text), text.length() > 32) + "]";
        }
        if (grouped) {
            return "[*]";
        }
        return switch (fieldKey.type()) {
            case LuaValue.TNUMBER, LuaValue.TBOOLEAN -> "[" + fieldKey.tojstring() + "]";
            default -> "[" + fieldKey.typename() + "]";
        };
    }




    /** Keys show at most 32 characters. */
    private static String shortened(String text) {
        return text.length() > 32 ? text.substring(0, 32) : text;
    }
}
