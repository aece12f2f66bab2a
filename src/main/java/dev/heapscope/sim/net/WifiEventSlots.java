package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * wifi_common.c's {@code wifi_on} and each interface's {@code on_event}: one registry reference per event
 * name; a firing event calls {@code callback(name, info)} with the info table the C code fills.
 */
final class WifiEventSlots {
    private final BoardContext board;
    private final String owner;
    private final List<String> names;
    private final int[] refs;

    WifiEventSlots(BoardContext board, String owner, String... names) {
        this.board = board;
        this.owner = owner;
        this.names = List.of(names);
        this.refs = new int[names.length];
        Arrays.fill(refs, NetSocket.NOREF);
    }

    /** {@code wifi.sta.on(event, callback)} / {@code wifi.ap.on}: nil unregisters. */
    Varargs on(Varargs args) {
        String name = LuaArgs.checkString(board, args, 1, "on");
        if (!args.arg(2).isnil()) {
            LuaArgs.checkFunction(board, args, 2, "on");
        }
        int index = names.indexOf(name);
        if (index < 0) {
            throw LuaArgs.error("unknown event: " + name);
        }
        board.unref(refs[index]);
        refs[index] = args.arg(2).isnil() ? NetSocket.NOREF : board.ref(args.arg(2), owner + " \"" + name + "\" callback");
        return LuaValue.NONE;
    }

    /** {@code on_event}: nothing happens without a callback; the info table gets {@code fields} (key, value pairs). */
    void fire(String name, Object... fields) {
        int ref = refs[names.indexOf(name)];
        if (ref == NetSocket.NOREF) {
            return;
        }
        LuaTable info = new LuaTable();
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            info.set((String) fields[i], value instanceof Integer number ? LuaValue.valueOf(number)
                    : board.newString(((String) value).getBytes(StandardCharsets.UTF_8), "on_event"));
        }
        board.runCallback(board.refValue(ref), LuaValue.varargsOf(
                board.newString(name.getBytes(StandardCharsets.US_ASCII), "on_event"), info));
    }
}
