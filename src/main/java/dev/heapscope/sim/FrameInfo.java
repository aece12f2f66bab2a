package dev.heapscope.sim;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/** What {@code debug.getinfo} tells of a Lua frame, a function value or a C function (ldblib.c's fields). */
final class FrameInfo {
    private static final int ID_SIZE = 60; // LUA_IDSIZE

    private final LuaValue function;
    private final Prototype proto;
    private final int currentLine;
    private final FunctionName name;

    private FrameInfo(LuaValue function, Prototype proto, int currentLine, FunctionName name) {
        this.function = function;
        this.proto = proto;
        this.currentLine = currentLine;
        this.name = name;
    }

    static FrameInfo ofFrame(ShadowFrame frame) {
        return new FrameInfo(frame.closure, frame.info.proto, frame.line(), frame.namedAtCall ? frame.name : null);
    }

    static FrameInfo ofFunction(LuaValue function) {
        return new FrameInfo(function, function instanceof LuaClosure closure ? closure.p : null, -1, null);
    }

    /** A C function on the stack; {@code qualifiedName} such as {@code coroutine.yield}, or null. */
    static FrameInfo ofC(String qualifiedName) {
        return new FrameInfo(LuaValue.NIL, null, -1,
                qualifiedName == null ? null : new FunctionName(FunctionName.Kind.FIELD, qualifiedName));
    }

    LuaTable table(String options) {
        LuaTable t = new LuaTable();
        if (options.indexOf('S') >= 0) {
            t.rawset("source", proto == null ? "=[C]" : proto.source.tojstring());
            t.rawset("short_src", proto == null ? "[C]" : shortSource(proto.source.tojstring()));
            t.rawset("linedefined", proto == null ? -1 : proto.linedefined);
            t.rawset("lastlinedefined", proto == null ? -1 : proto.lastlinedefined);
            t.rawset("what", proto == null ? "C" : proto.linedefined == 0 ? "main" : "Lua");
        }
        if (options.indexOf('l') >= 0) {
            t.rawset("currentline", currentLine);
        }
        if (options.indexOf('u') >= 0) {
            t.rawset("nups", function instanceof LuaClosure closure ? closure.upValues.length : 0);
            t.rawset("nparams", proto == null ? 0 : proto.numparams);
            t.rawset("isvararg", LuaValue.valueOf(proto == null || proto.is_vararg != 0));
        }
        if (options.indexOf('n') >= 0) {
            if (name != null) {
                t.rawset("name", shortName(name));
            }
            t.rawset("namewhat", name == null ? "" : nameWhat(name.kind()));
        }
        if (options.indexOf('t') >= 0) {
            t.rawset("istailcall", LuaValue.FALSE);
        }
        if (options.indexOf('L') >= 0 && proto != null) {
            LuaTable lines = new LuaTable();
            for (int line : proto.lineinfo) {
                lines.rawset(line, LuaValue.TRUE);
            }
            t.rawset("activelines", lines);
        }
        if (options.indexOf('f') >= 0 && !function.isnil()) {
            t.rawset("func", function);
        }
        return t;
    }

    private static String shortName(FunctionName name) {
        String full = name.name();
        return full.substring(Math.max(full.lastIndexOf('.'), full.lastIndexOf(':')) + 1);
    }

    private static String nameWhat(FunctionName.Kind kind) {
        return switch (kind) {
            case GLOBAL -> "global";
            case FIELD -> "field";
            case METHOD -> "method";
            case LOCAL -> "local";
            case UPVALUE -> "upvalue";
            case CONSTANT -> "constant";
            case MAIN, ANONYMOUS -> "";
        };
    }

    /** lobject.c {@code luaO_chunkid}: {@code =stdin} → stdin, {@code @f.lua} → f.lua, else {@code [string "…"]}. */
    static String shortSource(String source) {
        if (source.startsWith("=")) {
            return source.substring(1, Math.min(source.length(), ID_SIZE));
        }
        if (source.startsWith("@")) {
            String file = source.substring(1);
            return file.length() < ID_SIZE ? file : "..." + file.substring(file.length() - (ID_SIZE - 4));
        }
        int newline = source.indexOf('\n');
        int room = ID_SIZE - "[string \"...\"]".length() - 1;
        String first = newline >= 0 ? source.substring(0, newline) : source;
        boolean cut = newline >= 0 || first.length() > room;
        return "[string \"" + (cut ? first.substring(0, Math.min(first.length(), room)) + "..." : first) + "\"]";
    }
}
