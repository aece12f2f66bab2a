package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.Arrays;

/**
 * NodeMCU's {@code file} module over the in-memory flash: file objects with read/readline/write/
 * writeline/close (and the module-level forms on the last opened file), exists, remove, rename, list,
 * putcontents, getcontents. An open file holds a firmware buffer until closed or collected.
 */
public final class FileModule {
    private static final int FD_STRUCT_BYTES = 8;
    private static final int VFS_BUFFER_BYTES = 256;
    private static final int READ_CHUNK = 1024;

    private final BoardContext board;
    private final FlashFileSystem files;
    private final LuaTable metatable = new LuaTable();
    private final LuaTable module = new LuaTable();
    private LuaValue current = LuaValue.NIL;

    /** An open file reads and writes the flash itself, so no call copies more than the bytes it moves. */
    private static final class OpenFile {
        String name;
        int position;
        boolean writable;
        boolean open = true;
        int buffer;
    }

    public FileModule(BoardContext board) {
        this.board = board;
        this.files = board.files();
        LuaTable methods = new LuaTable();
        Fn.put(methods, "read", args -> read(file(args.arg1()), args.arg(2)));
        Fn.put(methods, "readline", args -> read(file(args.arg1()), LuaValue.valueOf("\n")));
        Fn.put(methods, "write", args -> write(file(args.arg1()), args.arg(2), false));
        Fn.put(methods, "writeline", args -> write(file(args.arg1()), args.arg(2), true));
        Fn.put(methods, "close", args -> close(file(args.arg1())));
        Fn.put(methods, "flush", args -> flush(file(args.arg1())));
        metatable.set("__index", methods);
        Fn.put(module, "open", args -> open(Fn.checkString(args, 1, "open"), args.optjstring(2, "r")));
        Fn.put(module, "read", args -> read(file(current), args.arg1()));
        Fn.put(module, "readline", args -> read(file(current), LuaValue.valueOf("\n")));
        Fn.put(module, "write", args -> write(file(current), args.arg1(), false));
        Fn.put(module, "writeline", args -> write(file(current), args.arg1(), true));
        Fn.put(module, "close", args -> current.isnil() ? LuaValue.NONE : close(file(current)));
        Fn.put(module, "exists", args -> LuaValue.valueOf(files.exists(Fn.checkString(args, 1, "exists"))));
        Fn.put(module, "remove", args -> {
            files.remove(Fn.checkString(args, 1, "remove"));
            return LuaValue.NONE;
        });
        Fn.put(module, "rename", args -> LuaValue.valueOf(
                files.rename(Fn.checkString(args, 1, "rename"), Fn.checkString(args, 2, "rename"))));
        Fn.put(module, "list", args -> {
            LuaTable listing = new LuaTable();
            files.list().forEach((name, size) -> listing.set(name, size));
            return listing;
        });
        Fn.put(module, "putcontents", args -> {
            String name = Fn.checkString(args, 1, "putcontents");
            LuaString contents = args.checkstring(2);
            if (!files.fits(name, contents.m_length)) {
                return noSpace();
            }
            files.write(name, Arrays.copyOfRange(contents.m_bytes, contents.m_offset, contents.m_offset + contents.m_length));
            return LuaValue.TRUE;
        });
        Fn.put(module, "fsinfo", args -> {
            long[] info = files.info();
            return LuaValue.varargsOf(new LuaValue[]{LuaValue.valueOf((int) info[0]), LuaValue.valueOf((int) info[1]),
                    LuaValue.valueOf((int) info[2])});
        });
        Fn.put(module, "getcontents", args -> files.read(Fn.checkString(args, 1, "getcontents"))
                .<LuaValue>map(bytes -> board.newString(bytes, "file_getfile")).orElse(LuaValue.NIL));
    }

    public LuaTable table() {
        return module;
    }

    private Varargs open(String name, String mode) {
        boolean reading = mode.startsWith("r");
        if (reading && !mode.contains("+") && !files.exists(name)) {
            return LuaValue.NIL;
        }
        OpenFile file = new OpenFile();
        file.name = name;
        file.writable = !mode.equals("r");
        file.position = mode.startsWith("a") ? files.size(name) : 0;
        file.buffer = board.allocateFirmware(VFS_BUFFER_BYTES, "vfs_open", "file_open");
        if (mode.startsWith("w")) {
            files.write(name, new byte[0]);
        }
        int buffer = file.buffer;
        current = board.newUserdata(file, FD_STRUCT_BYTES, metatable, "file_open", () -> {
            if (file.open) {
                file.open = false;
                board.freeFirmware(buffer, "vfs_close", "file_obj_gc");
            }
        });
        return current;
    }

    private OpenFile file(LuaValue value) {
        if (value instanceof LuaUserdata userdata && userdata.m_instance instanceof OpenFile file) {
            if (!file.open) {
                throw new LuaError("file closed");
            }
            return file;
        }
        throw new LuaError("no file open");
    }

    private Varargs read(OpenFile file, LuaValue what) {
        byte[] part;
        if (what.isnumber()) {
            part = files.readFrom(file.name, file.position, Math.max(0, what.toint()), -1);
        } else {
            int stop = what.isstring() && what.tojstring().length() > 0 ? what.tojstring().charAt(0) : -1;
            part = files.readFrom(file.name, file.position, READ_CHUNK, stop);
        }
        if (part == null) {
            return LuaValue.NIL;
        }
        file.position += part.length;
        return board.newString(part, "file_g_read");
    }

    private Varargs write(OpenFile file, LuaValue text, boolean line) {
        if (!file.writable) {
            return LuaValue.NIL;
        }
        LuaString bytes = text.checkstring();
        byte[] end = line ? new byte[]{'\n'} : new byte[0];
        // checked before the bytes are copied: the partition, not the JVM, is the limit
        if (!files.fits(file.name, (long) files.size(file.name) + bytes.m_length + end.length)) {
            return noSpace();
        }
        files.appendWithin(file.name, bytes.m_bytes, bytes.m_offset, bytes.m_length);
        files.appendWithin(file.name, end, 0, end.length);
        return LuaValue.TRUE;
    }

    /** luaL_fileresult for a full SPIFFS partition: nil, strerror(ENOSPC), ENOSPC. */
    private static Varargs noSpace() {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("No space left on device"), LuaValue.valueOf(28));
    }

    private Varargs flush(OpenFile file) {
        return LuaValue.NONE; // every write is in the flash already
    }

    private Varargs close(OpenFile file) {
        file.open = false;
        board.freeFirmware(file.buffer, "vfs_close", "file_close");
        return LuaValue.NONE;
    }
}
