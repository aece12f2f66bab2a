package dev.heapscope.sim.lib;

import dev.heapscope.model.TraceMode;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** NodeMCU's {@code heaptrace} module over ESP-IDF's standalone heap tracing, with its exact messages. */
public final class HeaptraceModule {
    private HeaptraceModule() {
    }

    public static LuaTable create(BoardContext board) {
        TraceControl trace = board.trace();
        LuaTable module = new LuaTable();
        module.set("TRACE_ALL", TraceMode.ALL.moduleValue());
        module.set("TRACE_LEAKS", TraceMode.LEAKS.moduleValue());
        Fn.put(module, "init", args -> {
            int records = Fn.checkInt(args, 1, "init");
            if (records <= 0) {
                throw new LuaError("invalid trace buffer size");
            }
            int code = trace.init(records);
            if (code == TraceControl.ESP_ERR_NO_MEM) {
                throw new LuaError("out of memory");
            }
            check(code, "init");
            return LuaValue.NONE;
        });
        Fn.put(module, "start", args -> {
            int mode = Fn.checkInt(args, 1, "start");
            TraceMode traceMode = mode == TraceMode.ALL.moduleValue() ? TraceMode.ALL
                    : mode == TraceMode.LEAKS.moduleValue() ? TraceMode.LEAKS : null;
            if (traceMode == null) {
                throw new LuaError("invalid trace mode");
            }
            check(trace.start(traceMode), "start");
            return LuaValue.NONE;
        });
        Fn.put(module, "stop", args -> {
            check(trace.stop(), "stop");
            return LuaValue.NONE;
        });
        Fn.put(module, "resume", args -> {
            check(trace.resume(), "resume");
            return LuaValue.NONE;
        });
        Fn.put(module, "dump", args -> {
            board.recordRetainingPaths();
            trace.dump(board.dumpSink());
            return LuaValue.NONE;
        });
        return module;
    }

    private static void check(int code, String verb) {
        if (code != TraceControl.ESP_OK) {
            throw new LuaError("failed to " + verb + " heap tracing; code " + code);
        }
    }
}
