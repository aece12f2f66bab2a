package dev.heapscope.sim;

import org.luaj.vm2.Prototype;

/** What the tracker caches per compiled Lua function: its chunk name and the names of the functions it calls. */
final class ProtoInfo {
    final Prototype proto;
    final String chunk;
    private final FunctionName[] calleeNames;
    private final boolean[] calleeNamed;
    private FunctionName definedAs;
    private boolean definitionSeen;

    ProtoInfo(Prototype proto) {
        this.proto = proto;
        this.chunk = chunkName(proto);
        this.calleeNames = new FunctionName[proto.code.length];
        this.calleeNamed = new boolean[proto.code.length];
    }

    /** Called when a closure of this function is made by the {@code OP_CLOSURE} at {@code pc} of {@code parent}. */
    void madeBy(ProtoInfo parent, int pc) {
        if (!definitionSeen) {
            definitionSeen = true;
            definedAs = RegisterNamer.closureTarget(parent.proto, pc);
        }
    }

    /**
     * The name for a frame nobody named at the call (called by firmware, e.g. a timer, or through a
     * Java function such as {@code pcall}): the variable its closure was stored in when it was made,
     * else Lua 5.3's {@code function <chunk:line>}.
     */
    FunctionName definedName() {
        if (definedAs == null) {
            definedAs = new FunctionName(FunctionName.Kind.ANONYMOUS, "function <" + chunk + ":" + proto.linedefined + ">");
        }
        return definedAs;
    }

    /** {@code stdin} for {@code =stdin}, {@code leaky.lua} for {@code @leaky.lua}. */
    static String chunkName(Prototype proto) {
        String source = proto.source == null ? "?" : proto.source.tojstring();
        return source.startsWith("=") || source.startsWith("@") ? source.substring(1) : source;
    }

    int line(int pc) {
        int[] lines = proto.lineinfo;
        return lines != null && pc >= 0 && pc < lines.length ? lines[pc] : 0;
    }

    /** The name of the function called by the call instruction at {@code pc}, or null. */
    FunctionName calleeName(int pc) {
        if (pc < 0 || pc >= calleeNames.length) {
            return null;
        }
        if (!calleeNamed[pc]) {
            int i = proto.code[pc];
            int op = RegisterNamer.op(i);
            if (op == RegisterNamer.OP_CALL || op == RegisterNamer.OP_TAILCALL) {
                calleeNames[pc] = RegisterNamer.name(proto, pc, RegisterNamer.a(i));
            } else if (op == RegisterNamer.OP_TFORCALL) {
                calleeNames[pc] = new FunctionName(FunctionName.Kind.CONSTANT, "for iterator");
            }
            calleeNamed[pc] = true;
        }
        return calleeNames[pc];
    }
}
