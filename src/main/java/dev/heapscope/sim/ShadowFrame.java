package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** One active Lua function on the tracker's shadow stack; reused when the stack shrinks and grows. */
final class ShadowFrame {
    LuaClosure closure;
    ProtoInfo info;
    int[] code;
    LuaValue[] stack;
    FunctionName name;
    // false: called by firmware or through a Java function, so name is the variable it was defined as
    boolean namedAtCall;
    // called by the call instruction of the frame below (not through pcall, a metamethod or firmware)
    boolean directCall;
    Varargs varargs;
    // for a call whose arguments end in the open results of the call before it: LuaJ's top and those results
    int openTop;
    Varargs openResults;
    int pc;

    // an object made by the instruction at pc appears in stack[pendingRegister] at the next instruction
    int pendingOp = -1;
    int pendingRegister;
    LuaTable pendingTable;
    int pendingCapacity;

    // outer frames are frozen while this one runs, so a chain per (pc, site) stays valid for the activation;
    // a few direct-mapped entries, as a loop body usually allocates at a few instructions
    private static final int CHAIN_CACHE = 8;
    private final int[] cachedChainPc = new int[CHAIN_CACHE];
    private final int[] cachedChainSite = new int[CHAIN_CACHE];
    private final CallChain[] cachedChain = new CallChain[CHAIN_CACHE];
    int cachedAddressPc = -1;
    int cachedAddress;

    void enter(LuaClosure entered, ProtoInfo protoInfo, LuaValue[] registers, Varargs extraArguments,
               FunctionName calledAs, boolean named, boolean direct) {
        closure = entered;
        info = protoInfo;
        code = protoInfo.proto.code;
        stack = registers;
        varargs = extraArguments;
        name = calledAs;
        namedAtCall = named;
        directCall = direct;
        openResults = null;
        pc = 0;
        pendingOp = -1;
        pendingTable = null;
        java.util.Arrays.fill(cachedChainPc, -1);
        cachedAddressPc = -1;
    }

    void leave() {
        closure = null;
        stack = null;
        varargs = null;
        openResults = null;
        pendingTable = null;
        java.util.Arrays.fill(cachedChain, null);
    }

    /** The chain cached for an allocation at the current pc by {@code siteId}, or null. */
    CallChain cachedChain(int siteId) {
        int i = (pc * 31 + siteId) & (CHAIN_CACHE - 1);
        return cachedChainPc[i] == pc && cachedChainSite[i] == siteId ? cachedChain[i] : null;
    }

    void cacheChain(int siteId, CallChain chain) {
        int i = (pc * 31 + siteId) & (CHAIN_CACHE - 1);
        cachedChainPc[i] = pc;
        cachedChainSite[i] = siteId;
        cachedChain[i] = chain;
    }

    int openResultCount() {
        return openResults == null ? 0 : openResults.narg();
    }

    int line() {
        return info.line(pc);
    }
}
