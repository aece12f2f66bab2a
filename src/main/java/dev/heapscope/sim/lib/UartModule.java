package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** {@code uart.write(0, ...)} to the console and {@code uart.setup} that answers the baud rate. */
public final class UartModule {
    private UartModule() {
    }

    public static LuaTable create(BoardContext board) {
        LuaTable module = new LuaTable();
        module.set("PARITY_NONE", 0);
        module.set("PARITY_EVEN", 2);
        module.set("PARITY_ODD", 3);
        module.set("STOPBITS_1", 1);
        module.set("STOPBITS_1_5", 2);
        module.set("STOPBITS_2", 3);
        Fn.put(module, "setup", args -> {
            Fn.checkInt(args, 1, "setup");
            return LuaValue.valueOf(Fn.checkInt(args, 2, "setup"));
        });
        Fn.put(module, "write", args -> {
            Fn.checkInt(args, 1, "write");
            for (int i = 2; i <= args.narg(); i++) {
                LuaValue part = args.arg(i);
                write(board, part.type() == LuaValue.TNUMBER ? String.valueOf((char) part.toint()) : part.tojstring());
            }
            return LuaValue.NONE;
        });
        return module;
    }

    private static void write(BoardContext board, String text) {
        board.write(text);
    }
}
