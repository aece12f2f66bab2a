package dev.heapscope.sim;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code collectgarbage} as NodeMCU's Lua 5.3 {@code lbaselib.c} has it: its option names, results and
 * messages, over the simulated collector. Its quirk is kept: {@code "setmemlimit"} is listed but has no
 * action of its own, so it answers as {@code "isrunning"} does (FIRMWARE-FACTS.md §E).
 */
final class CollectGarbage {
    private CollectGarbage() {
    }

    static Varargs call(LuaHeap heap, Varargs args) {
        String option = args.isnoneornil(1) ? "collect" : checkString(args);
        int extra = optInteger(args);
        Collector collector = heap.collector();
        GcPacer pacer = collector.pacer();
        return switch (option) {
            case "collect" -> {
                heap.collect();
                yield LuaValue.valueOf(0);
            }
            case "count" -> LuaValue.valueOf(collector.bytesInUse() / 1024.0);
            case "step" -> {
                boolean ended = pacer.step(extra);
                if (ended) {
                    collector.collect(Collector.Kind.STEP, -1);
                }
                yield LuaValue.valueOf(ended);
            }
            case "stop" -> {
                pacer.setRunning(false);
                yield LuaValue.valueOf(0);
            }
            case "restart" -> {
                pacer.setRunning(true);
                yield LuaValue.valueOf(0);
            }
            case "setpause" -> LuaValue.valueOf(pacer.setPause(extra));
            case "setstepmul" -> LuaValue.valueOf(pacer.setStepmul(extra));
            case "isrunning", "setmemlimit" -> LuaValue.valueOf(pacer.isRunning());
            default -> throw new LuaError("bad argument #1 to 'collectgarbage' (invalid option '" + option + "')");
        };
    }

    private static String checkString(Varargs args) {
        LuaValue value = args.arg1();
        if (!value.isstring()) {
            throw new LuaError("bad argument #1 to 'collectgarbage' (string expected, got " + value.typename() + ")");
        }
        return value.tojstring();
    }

    private static int optInteger(Varargs args) {
        LuaValue value = args.arg(2);
        if (value.isnil()) {
            return 0;
        }
        if (!value.isnumber()) {
            throw new LuaError("bad argument #2 to 'collectgarbage' (number expected, got " + value.typename() + ")");
        }
        double number = value.todouble();
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new LuaError("bad argument #2 to 'collectgarbage' (number has no integer representation)");
        }
        return (int) number;
    }
}
