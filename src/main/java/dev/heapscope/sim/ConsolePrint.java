package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.io.ByteArrayOutputStream;

/** Lua's {@code print}: each argument through the state's current {@code tostring}, tab-separated, one line. */
final class ConsolePrint {
    private ConsolePrint() {
    }

    static Varargs print(Globals globals, ConsoleWriter out, Varargs args) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        LuaValue tostring = globals.get("tostring");
        for (int i = 1; i <= args.narg(); i++) {
            if (i > 1) {
                line.write('\t');
            }
            LuaString text = tostring.call(args.arg(i)).checkstring();
            line.write(text.m_bytes, text.m_offset, text.m_length);
        }
        line.write('\n');
        // bytes as they are: a script's non-ASCII bytes reach the console unchanged
        out.text(line.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        return LuaValue.NONE;
    }
}
