package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** One active Lua function on the tracker's shadow stack; reused when the stack shrinks and grows. */
final class ShadowFrame {
    LuaClosure closure;
    ProtoInfo info;
    int[] code;
    LuaValue[] stack;
    FunctionName name;
    // false: called by firmware or through a Java function, so name is the variable it was defined as
    boolean namedAtCall;
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

    void enter(LuaClosure entered, ProtoInfo protoInfo, LuaValue[] registers, FunctionName calledAs, boolean named) {
        closure = entered;
        info = protoInfo;
        code = protoInfo.proto.code;
        stack = registers;
        name = calledAs;
        namedAtCall = named;
        pc = 0;
        pendingOp = -1;
        pendingTable = null;
        java.util.Arrays.fill(cachedChainPc, -1);
        cachedAddressPc = -1;
    }

    void leave() {
        closure = null;
        stack = null;
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

    int line() {
        return info.line(pc);
    }
}
