package dev.heapscope.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retaining paths from the agent's edges, spelt as the virtual board spells its own ({@code _G.cache[*]},
 * {@code _G.handler ▸ upvalue 'history'}), so that one grouping serves both. A registry entry under an integer
 * key, all the agent can see of a firmware module's {@code luaL_ref}, is a root of its own:
 * {@code registry[3] (a C module's reference)} (grouped as itself, not as {@code registry[*]}: each reference is a
 * different holder).
 */
final class AgentPaths {
    static final String SEPARATOR = PathSpelling.SEPARATOR;
    private static final String REGISTRY = "registry";
    /**
     * What a numbered registry entry is on a board: a C module's {@code luaL_ref} (a timer's callback, a socket's
     * handler). Which module and object holds it is C state no Lua code can read; the virtual board names it.
     */
    static final String C_REFERENCE = " (a C module's reference)";
    /** For an object whose parent line was lost on the way. */
    static final RetainingPath LOST = new RetainingPath(List.of("(path lost: a line of the snapshot is missing)"),
            "(path lost: a line of the snapshot is missing)");

    private AgentPaths() {
    }

    /** The path of every node, in the order given. */
    static List<RetainingPath> of(List<AgentSnapshot.Node> nodes) {
        Map<Integer, AgentSnapshot.Node> byId = new HashMap<>();
        nodes.forEach(node -> byId.put(node.id(), node));
        List<RetainingPath> paths = new ArrayList<>(nodes.size());
        for (AgentSnapshot.Node node : nodes) {
            paths.add(pathOf(node, byId));
        }
        return paths;
    }

    private static RetainingPath pathOf(AgentSnapshot.Node node, Map<Integer, AgentSnapshot.Node> byId) {
        List<AgentSnapshot.Node> chain = new ArrayList<>();
        for (AgentSnapshot.Node at = node; ; at = byId.get(at.parent())) {
            if (at == null || chain.size() > byId.size()) {
                return LOST;
            }
            chain.add(at);
            if (at.parent() == 0) {
                break;
            }
        }
        List<String> concrete = new ArrayList<>(chain.size());
        List<String> grouped = new ArrayList<>(chain.size());
        int i = chain.size() - 1;
        String root = chain.get(i).edge();
        if (REGISTRY.equals(root) && i > 0 && chain.get(i - 1).edge().matches("\\[-?[0-9]+]")) {
            root = REGISTRY + chain.get(--i).edge() + C_REFERENCE;
        } else if (root.matches("registry\\[-?[0-9]+]")) { // sent as a root of its own, as the collector marks it
            root = root + C_REFERENCE;
        }
        concrete.add(root);
        grouped.add(root);
        for (i--; i >= 0; i--) {
            String edge = chain.get(i).edge();
            concrete.add(segment(edge, false));
            grouped.add(segment(edge, true));
        }
        return new RetainingPath(PathSpelling.collapseRuns(grouped), PathSpelling.elide(concrete));
    }

    /** One step of a path from the agent's spelling of the edge. */
    static String segment(String edge, boolean grouped) {
        if (edge.startsWith(".")) {
            return edge;
        }
        if (edge.startsWith("[")) {
            if (grouped) {
                return "[*]";
            }
            if (edge.startsWith("[\"")) {
                boolean cut = edge.endsWith("\"+]");
                String inner = edge.substring(2, edge.length() - (cut ? 3 : 2));
                return "[" + PathSpelling.quoted(unescape(inner), cut) + "]";
            }
            return edge;
        }
        return switch (edge.length() < 2 ? "" : edge.substring(0, 2)) {
            case "^m" -> SEPARATOR + "metatable";
            case "^k" -> SEPARATOR + "key";
            case "^f" -> SEPARATOR + "function";
            case "^u" -> SEPARATOR + "upvalue '" + unescape(edge.substring(Math.min(3, edge.length()))) + "'";
            case "^l" -> SEPARATOR + "local '" + unescape(edge.substring(Math.min(3, edge.length()))) + "'";
            default -> SEPARATOR + edge;
        };
    }

    /** The agent's escapes ({@code \"}, {@code \\}, {@code \ddd}) back to the key's text (its bytes as UTF-8). */
    static String unescape(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 3 < text.length() && text.substring(i + 1, i + 4).matches("[0-9]{3}")) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 4)) & 0xff);
                i += 3;
            } else if (c == '\\' && i + 1 < text.length()) {
                bytes.write(text.charAt(++i) & 0x7f);
            } else {
                bytes.write(c & 0x7f);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }



}
