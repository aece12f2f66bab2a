package dev.heapscope.sim.lua53;

/** How a message names a chunk (lobject.c luaO_chunkid, LUA_IDSIZE 60): {@code stdin}, {@code init.lua}, {@code [string "x=1"]}. */
final class ChunkId {
    private static final int ID_SIZE = 60;

    private ChunkId() {
    }

    static String of(String source) {
        if (source.startsWith("=")) {
            String rest = source.substring(1);
            return rest.length() <= ID_SIZE - 1 ? rest : rest.substring(0, ID_SIZE - 1);
        }
        if (source.startsWith("@")) {
            String rest = source.substring(1);
            return rest.length() <= ID_SIZE - 1 ? rest : "..." + rest.substring(rest.length() - (ID_SIZE - 1 - 3));
        }
        int room = ID_SIZE - "[string \"...\"]".length() - 1;
        int newline = source.indexOf('\n');
        if (source.length() < room && newline < 0) {
            return "[string \"" + source + "\"]";
        }
        int length = newline >= 0 ? newline : source.length();
        return "[string \"" + source.substring(0, Math.min(length, room)) + "...\"]";
    }
}
