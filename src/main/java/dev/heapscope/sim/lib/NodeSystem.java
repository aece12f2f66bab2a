package dev.heapscope.sim.lib;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.io.ByteArrayInputStream;

/**
 * The {@code node} functions an app's boot code calls around its own scripts, as dev-esp32 node.c has them:
 * {@code compile}, {@code dsleep}, {@code sleep}, {@code stripdebug} and the Lua Flash Store entries. The
 * virtual board has no LFS image (as a board whose LFS partition was never loaded) and no bytecode format
 * of its own: simulator/LUA-DIFFERENCES.md says what follows from that.
 */
final class NodeSystem {
    private NodeSystem() {
    }

    static void install(LuaTable node, BoardContext board, Globals globals) {
        Fn.put(node, "compile", args -> {
            compile(board, globals, Fn.checkString(args, 1, "compile"));
            return LuaValue.NONE;
        });
        // deep sleep ends in a reset (the wake-up is a reboot); light sleep returns when it wakes: at once here
        Fn.put(node, "dsleep", args -> {
            throw board.restartNow();
        });
        Fn.put(node, "sleep", args -> {
            if (!args.arg1().istable()) {
                throw board.argError(1, "sleep", "table expected, got " + (args.narg() == 0 ? "no value" : args.arg1().typename()));
            }
            return LuaValue.NONE;
        });
        Fn.put(node, "stripdebug", args -> {
            if (!args.arg1().isnil()) {
                int level = Fn.checkInteger(board, args, 1, "stripdebug");
                if (level < 1 || level > 3) {
                    throw board.argError(1, "stripdebug", "Invalid strip level");
                }
            }
            return LuaValue.valueOf(1); // LUA_OPTIMIZE_DEBUG's default: nothing stripped
        });
        LuaTable lfs = new LuaTable();
        Fn.put(lfs, "get", args -> LuaValue.NIL); // no image: luaL_pushlfsmodule pushes nil
        Fn.put(lfs, "list", args -> LuaValue.NIL);
        Fn.put(lfs, "reload", args -> LuaValue.valueOf("the virtual board has no LFS partition"));
        node.set("LFS", lfs);
        node.set("flashindex", lfs.get("get"));
        node.set("flashreload", lfs.get("reload"));
    }

    /**
     * {@code node.compile("x.lua")} checks the file compiles and writes {@code x.lc}. The board writes 5.3
     * bytecode; the virtual board writes the source (its loaders compile either), so {@code dofile("x.lc")}
     * runs the same code with the same lines.
     */
    private static void compile(BoardContext board, Globals globals, String name) {
        if (name.length() < 4 || !name.endsWith(".lua")) {
            throw new LuaError("not a .lua file");
        }
        byte[] source = board.files().read(name).orElseThrow(() -> new LuaError("cannot open " + name));
        try {
            globals.load(new ByteArrayInputStream(source), "@" + name, "t", globals);
        } catch (LuaError e) {
            throw new LuaError(e.getMessageObject().tojstring(), 0);
        }
        board.files().write(name.substring(0, name.length() - 2) + "c", source);
    }
}
