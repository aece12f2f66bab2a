package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The hooks LuaJ calls around every Lua function and before every instruction: keeps a shadow stack
 * of Lua frames per Lua thread, enforces the instruction budget, and reports every table, closure and
 * concatenated string the script creates (and table growth) to {@link LuaHeap}. Installed instead of
 * LuaJ's DebugLib, whose {@code debug} table the sandbox removes.
 */
final class LuaAllocationTracker extends DebugLib {
    private final Map<Prototype, ProtoInfo> protos = new IdentityHashMap<>();
    private LuaHeap heap;
    private DebugHooks hooks;
    private Globals luaGlobals;
    private LuaThread cachedThread;
    private ShadowStack cachedStack;

    private final ChunkBudget budget = new ChunkBudget();

    @Override
    public LuaValue call(LuaValue modname, LuaValue env) {
        LuaValue result = super.call(modname, env);
        luaGlobals = env.checkglobals();
        return result;
    }

    void attach(LuaHeap luaHeap) {
        this.heap = luaHeap;
    }

    LuaHeap heap() {
        return heap;
    }

    /** The {@code debug.sethook} hooks, run after this tracker's own work on every instruction. */
    void attachHooks(DebugHooks debugHooks) {
        this.hooks = debugHooks;
    }

    /** A fresh budget for one chunk or callback; also forgets frames an aborted run left behind. */
    void startBudget(long instructions, long wallMillis) {
        budget.start(instructions, wallMillis);
        currentStack().clear();
    }

    /** The running chunk or callback has ended: the watchdog stops watching it. */
    void finishBudget() {
        budget.finish();
    }

    /** This state's budget, as the board's watchdog watches it (from its own thread). */
    ChunkBudget budget() {
        return budget;
    }

    ShadowStack currentStack() {
        LuaThread running = luaGlobals.running;
        if (running != cachedThread) {
            Object stack = running.callstack;
            if (!(stack instanceof ShadowStack)) {
                stack = new ShadowStack();
                running.callstack = stack;
            }
            cachedThread = running;
            cachedStack = (ShadowStack) stack;
        }
        return cachedStack;
    }

    @Override
    public void onCall(LuaFunction f) {
        // only pcall/xpcall report this; they are no frame (their allocations are charged to the calling Lua
        // frame) but their onReturn must not pop that frame
        currentStack().enterJava();
    }

    @Override
    public void onCall(LuaClosure closure, Varargs varargs, LuaValue[] stack) {
        budget.noteRunner(); // a coroutine's first call runs on its own Java thread: the watchdog must watch that one
        ShadowStack frames = currentStack();
        ShadowFrame caller = frames.top();
        ProtoInfo info = protos.computeIfAbsent(closure.p, ProtoInfo::new);
        boolean direct = direct(caller, closure);
        FunctionName name = direct ? caller.info.calleeName(caller.pc) : null;
        boolean namedAtCall = name != null;
        if (name == null) {
            name = closure.p.linedefined == 0 ? FunctionName.MAIN_CHUNK : info.definedName();
        }
        frames.push().enter(closure, info, stack, varargs, name, namedAtCall, direct);
    }

    /** Whether {@code closure} is called by the call instruction of {@code caller} itself (not through a Java function). */
    private static boolean direct(ShadowFrame caller, LuaClosure closure) {
        if (caller == null) {
            return false;
        }
        int i = caller.code[caller.pc];
        int op = RegisterNamer.op(i);
        return op == RegisterNamer.OP_TFORCALL
                || (op == RegisterNamer.OP_CALL || op == RegisterNamer.OP_TAILCALL) && caller.stack[RegisterNamer.a(i)] == closure;
    }

    @Override
    public void onReturn() {
        if (hooks != null && hooks.active() && !currentStack().inJavaCall()) {
            hooks.onReturn(); // while the returning frame is still the top level, as ldo.c luaD_poscall calls it
        }
        currentStack().exit();
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        if (--budget.untilCheck <= 0 && !budget.check()) {
            throw exceeded();
        }
        ShadowFrame frame = currentStack().top();
        if (frame == null) {
            return;
        }
        heap.safePoint();
        if (frame.pendingOp >= 0) {
            resolvePending(frame);
        }
        int previousPc = frame.pc;
        frame.pc = pc;
        int i = frame.code[pc];
        switch (i & 0x3f) {
            case RegisterNamer.OP_CALL, RegisterNamer.OP_TAILCALL -> {
                if (RegisterNamer.b(i) == 0) { // the arguments end with the open results of the call before
                    frame.openTop = top;
                    frame.openResults = v;
                }
                spendOperandWork(i, frame);
            }
            case Lua.OP_EQ, Lua.OP_LT, Lua.OP_LE, Lua.OP_ADD, Lua.OP_SUB, Lua.OP_MUL, Lua.OP_DIV, Lua.OP_MOD, Lua.OP_POW,
                    Lua.OP_UNM -> spendOperandWork(i, frame);
            case RegisterNamer.OP_CONCAT -> {
                reserveConcatenation(frame.stack, RegisterNamer.b(i), RegisterNamer.c(i));
                frame.pendingOp = RegisterNamer.OP_CONCAT;
                frame.pendingRegister = RegisterNamer.a(i);
            }
            case RegisterNamer.OP_NEWTABLE, RegisterNamer.OP_CLOSURE -> {
                frame.pendingOp = i & 0x3f;
                frame.pendingRegister = RegisterNamer.a(i);
            }
            case RegisterNamer.OP_SETTABLE, RegisterNamer.OP_SETLIST -> watchGrowth(frame, frame.stack[RegisterNamer.a(i)]);
            case RegisterNamer.OP_SETTABUP -> watchGrowth(frame, frame.closure.upValues[RegisterNamer.a(i)].getValue());
            default -> {
            }
        }
        if (hooks != null && hooks.active()) {
            hooks.onInstruction(frame, previousPc);
        }
    }

    /**
     * Claims a concatenation's result from the board's heap before LuaJ builds it, so {@code s .. s} of strings the
     * heap cannot hold twice fails with {@code not enough memory} instead of a JVM allocation of any size.
     */
    private void reserveConcatenation(LuaValue[] registers, int from, int to) {
        long total = 0;
        for (int r = from; r <= to && r < registers.length; r++) {
            LuaValue operand = registers[r];
            if (operand instanceof LuaString string) {
                total += string.m_length;
            } else if (operand.isnumber()) {
                total += 24; // the longest number text (lua_Number2str's "%.14g")
            }
        }
        if (total > 4096) { // short results are ordinary allocations, charged when made
            heap.ensureFits(LuaSizes.string(0) + total);
            spend(total / 16);
        }
    }

    private void spendOperandWork(int i, ShadowFrame frame) {
        long work = OperandWork.of(i, frame.stack, frame.closure.p.k);
        if (work > 0) {
            spend(work);
        }
    }

    private void watchGrowth(ShadowFrame frame, LuaValue target) {
        if (target instanceof TrackedTable table) { // the growth of tables the board charges for
            frame.pendingOp = RegisterNamer.OP_SETTABLE;
            frame.pendingTable = table;
            frame.pendingCapacity = LuaSizes.capacityCode(table);
        }
    }

    private void resolvePending(ShadowFrame frame) {
        int op = frame.pendingOp;
        frame.pendingOp = -1;
        if (op == RegisterNamer.OP_SETTABLE) {
            LuaTable table = frame.pendingTable;
            frame.pendingTable = null;
            if (LuaSizes.capacityCode(table) != frame.pendingCapacity) {
                heap.tableResized(table);
            }
            return;
        }
        int register = frame.pendingRegister;
        LuaValue made = frame.stack[register];
        switch (op) {
            case RegisterNamer.OP_NEWTABLE -> {
                if (made instanceof LuaTable table && !(made instanceof TrackedTable)) {
                    // nothing but this register holds the new table yet: swap in one that knows its slot
                    TrackedTable tracked = new TrackedTable(table);
                    frame.stack[register] = tracked;
                    heap.trackTable(tracked, heap.sites.table, register);
                }
            }
            case RegisterNamer.OP_CLOSURE -> {
                if (made instanceof LuaClosure closure && !(made instanceof TrackedClosure)) {
                    protos.computeIfAbsent(closure.p, ProtoInfo::new).madeBy(frame.info, frame.pc);
                    TrackedClosure tracked = new TrackedClosure(closure, luaGlobals);
                    frame.stack[register] = tracked;
                    heap.trackClosure(tracked, register);
                }
            }
            default -> {
                if (made instanceof LuaString string) {
                    heap.trackString(string, heap.sites.concat, register);
                }
            }
        }
    }

    private InstructionBudgetExceeded exceeded() {
        ShadowFrame frame = currentStack().top();
        String where = frame == null ? "" : frame.info.chunk + ":" + frame.line() + ": ";
        return new InstructionBudgetExceeded(where + "instruction budget exceeded (runaway loop?)",
                Tracebacks.of(currentStack(), false));
    }

    /**
     * Work a library function does in Java (matching a pattern, copying a result): charged and checked at
     * once, so one long call ends within the chunk's budget like a loop of instructions does.
     */
    void spend(long work) {
        if (!budget.spend(work)) {
            throw exceeded();
        }
    }

    /** Charges work done outside Lua instructions (a collection's marking) to the running chunk's budget. */
    void charge(long work) {
        budget.charge(work);
    }

    /** The watchdog, from any thread: the running chunk ends at its next budget check (within microseconds). */
    void requestStop() {
        budget.requestStop();
    }

    /**
     * {@code esp_restart()} ran: the board is gone, so the restart also ends whatever Lua resumed a coroutine
     * that swallowed it (LuaJ's coroutine.resume turns any throwable into an error result).
     */
    void restart() {
        budget.restart();
    }

    /** What the running (or last) chunk or callback has used of the budget it was given. */
    long budgetUsed() {
        return budget.used();
    }

    boolean budgetExhausted() {
        return budget.exhausted();
    }
}
