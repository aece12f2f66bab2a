package dev.heapscope.sim;

import dev.heapscope.sim.lua53.HiddenOperator;
import dev.heapscope.sim.lua53.WorkMeter;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * What one instruction costs beyond itself when its operands are long strings: {@code s == t} and {@code s < t}
 * read both strings (lstring.c luaS_eqlngstr, lvm.c l_strcmp), {@code s + 0} reads one to convert it
 * (lobject.c luaO_str2num). One such instruction on two 100 KB strings did the work of thousands, so a loop
 * of them ran for minutes inside a budget that counted it once. Charged per {@link WorkMeter#BYTES_PER_WORK}
 * bytes, like the library functions' copies. A call into a Java function (a library or firmware module function)
 * costs {@link #JAVA_CALL_WORK}: {@code f:write('x')} or {@code tmr.create()} take 0.5 to 1 µs where a plain
 * loop's instruction takes 30 to 40 ns, so a loop of them ran six to eight times as long as the budget's loop.
 */
final class OperandWork {
    /** Below this many bytes an operand costs about what an instruction does: not worth counting. */
    private static final int FREE_BYTES = 256;
    /** Instruction equivalents per call of a Java function (argument checks, a Varargs, the module's work). */
    static final int JAVA_CALL_WORK = 16;

    private OperandWork() {
    }

    /** The extra work of instruction {@code i} over {@code registers}, 0 for all but string operands. */
    static long of(int i, LuaValue[] registers, LuaValue[] constants) {
        int op = RegisterNamer.op(i);
        return switch (op) {
            case Lua.OP_EQ, Lua.OP_LT, Lua.OP_LE -> compared(rk(Lua.GETARG_B(i), registers, constants),
                    rk(Lua.GETARG_C(i), registers, constants), op == Lua.OP_EQ);
            case Lua.OP_ADD, Lua.OP_SUB, Lua.OP_MUL, Lua.OP_DIV, Lua.OP_MOD, Lua.OP_POW ->
                    converted(rk(Lua.GETARG_B(i), registers, constants)) + converted(rk(Lua.GETARG_C(i), registers, constants));
            case Lua.OP_UNM -> converted(register(Lua.GETARG_B(i), registers));
            case Lua.OP_CALL, Lua.OP_TAILCALL -> hiddenOperator(i, registers);
            default -> 0;
        };
    }

    /**
     * A call of a Java function; a 5.3 operator the front end compiled into a call ({@code s // 1}, {@code s & 1})
     * is an instruction on the board, but converts its operands too.
     */
    private static long hiddenOperator(int i, LuaValue[] registers) {
        int a = Lua.GETARG_A(i);
        LuaValue callee = register(a, registers);
        if (!(callee instanceof HiddenOperator)) {
            return callee instanceof LuaFunction && !(callee instanceof LuaClosure) ? JAVA_CALL_WORK : 0;
        }
        // these read the operand as Java text (NumberText), about a unit of work per byte
        return WorkMeter.BYTES_PER_WORK * (converted(register(a + 1, registers)) + converted(register(a + 2, registers)));
    }

    private static long compared(LuaValue x, LuaValue y, boolean equality) {
        if (!(x instanceof LuaString a) || !(y instanceof LuaString b) || a == b) {
            return 0;
        }
        if (equality && a.m_length != b.m_length) {
            return 0; // told apart by their lengths
        }
        return work(Math.min(a.m_length, b.m_length));
    }

    private static long converted(LuaValue x) {
        return x instanceof LuaString s ? work(s.m_length) : 0;
    }

    private static long work(int bytes) {
        return bytes < FREE_BYTES ? 0 : bytes / WorkMeter.BYTES_PER_WORK;
    }

    private static LuaValue rk(int operand, LuaValue[] registers, LuaValue[] constants) {
        if (Lua.ISK(operand)) {
            int k = Lua.INDEXK(operand);
            return k < constants.length ? constants[k] : LuaValue.NIL;
        }
        return register(operand, registers);
    }

    private static LuaValue register(int r, LuaValue[] registers) {
        return r < registers.length && registers[r] != null ? registers[r] : LuaValue.NIL;
    }
}
