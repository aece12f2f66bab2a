package dev.heapscope.sim;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Names the value in a register at an instruction by the instruction that loaded it, as Lua's own
 * {@code getobjname} does (LuaJ's version returns a package-private type). Works on Lua 5.2 opcodes.
 */
final class RegisterNamer {
    static final int OP_MOVE = 0;
    static final int OP_GETUPVAL = 5;
    static final int OP_GETTABUP = 6;
    static final int OP_GETTABLE = 7;
    static final int OP_SETTABUP = 8;
    static final int OP_SETTABLE = 10;
    static final int OP_NEWTABLE = 11;
    static final int OP_SELF = 12;
    static final int OP_LEN = 21;
    static final int OP_CONCAT = 22;
    static final int OP_JMP = 23;
    static final int OP_CALL = 29;
    static final int OP_TAILCALL = 30;
    static final int OP_TFORCALL = 34;
    static final int OP_SETLIST = 36;
    static final int OP_CLOSURE = 37;
    static final int OP_LOADNIL = 4;
    static final int OP_LOADK = 1;

    private RegisterNamer() {
    }

    static int op(int i) {
        return i & 0x3f;
    }

    static int a(int i) {
        return (i >>> 6) & 0xff;
    }

    static int b(int i) {
        return (i >>> 23) & 0x1ff;
    }

    static int c(int i) {
        return (i >>> 14) & 0x1ff;
    }

    /** The name of register {@code reg} as seen at instruction {@code pc}, or null. */
    static FunctionName name(Prototype p, int pc, int reg) {
        LuaString local = p.getlocalname(reg + 1, pc);
        if (local != null) {
            return new FunctionName(FunctionName.Kind.LOCAL, local.tojstring());
        }
        int setter = findSetter(p, pc, reg);
        if (setter < 0) {
            return null;
        }
        int i = p.code[setter];
        switch (op(i)) {
            case OP_MOVE -> {
                int from = b(i);
                return from < a(i) ? name(p, setter, from) : null;
            }
            case OP_GETTABUP -> {
                String key = constantName(p, c(i));
                if (key == null) {
                    return null;
                }
                boolean env = b(i) < p.upvalues.length && p.upvalues[b(i)].name != null
                        && "_ENV".equals(p.upvalues[b(i)].name.tojstring());
                return new FunctionName(env ? FunctionName.Kind.GLOBAL : FunctionName.Kind.FIELD, key);
            }
            case OP_GETTABLE -> {
                String key = constantName(p, c(i));
                if (key == null) {
                    return null;
                }
                FunctionName table = name(p, setter, b(i));
                String qualified = table != null && table.kind() == FunctionName.Kind.GLOBAL ? table.name() + "." + key : key;
                return new FunctionName(FunctionName.Kind.FIELD, qualified);
            }
            case OP_GETUPVAL -> {
                LuaString up = b(i) < p.upvalues.length ? p.upvalues[b(i)].name : null;
                return up == null ? null : new FunctionName(FunctionName.Kind.UPVALUE, up.tojstring());
            }
            case OP_SELF -> {
                String key = constantName(p, c(i));
                if (key == null) {
                    return null;
                }
                FunctionName object = name(p, setter, b(i));
                String qualified = object != null && object.kind() == FunctionName.Kind.GLOBAL ? object.name() + ":" + key : key;
                return new FunctionName(FunctionName.Kind.METHOD, qualified);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The variable the closure made by the {@code OP_CLOSURE} at {@code pc} is stored in, or null:
     * {@code local function f} / {@code local f = function} (a local from the next instruction on),
     * {@code function f} (global), {@code function M.f} / {@code M.f = function} (field, qualified by
     * the table's name), {@code function M:f} (method: the function's first parameter is {@code self}).
     */
    static FunctionName closureTarget(Prototype p, int pc) {
        int closure = p.code[pc];
        int reg = a(closure);
        LuaString local = p.getlocalname(reg + 1, pc + 1);
        if (local != null) {
            return new FunctionName(FunctionName.Kind.LOCAL, local.tojstring());
        }
        if (pc + 1 >= p.code.length) {
            return null;
        }
        int next = p.code[pc + 1];
        if (c(next) != reg) {
            return null; // the closure is not the stored value (or not stored at all, e.g. passed as an argument)
        }
        String key = constantName(p, b(next));
        if (key == null) {
            return null;
        }
        switch (op(next)) {
            case OP_SETTABUP -> {
                boolean env = a(next) < p.upvalues.length && p.upvalues[a(next)].name != null
                        && "_ENV".equals(p.upvalues[a(next)].name.tojstring());
                return new FunctionName(env ? FunctionName.Kind.GLOBAL : FunctionName.Kind.FIELD, key);
            }
            case OP_SETTABLE -> {
                FunctionName table = name(p, pc + 1, a(next));
                Prototype made = p.p[(closure >>> 14) & 0x3ffff];
                boolean method = made.numparams > 0 && made.locvars != null && made.locvars.length > 0
                        && "self".equals(made.locvars[0].varname.tojstring());
                String qualifier = table == null ? "" : table.name() + (method ? ":" : ".");
                return new FunctionName(method ? FunctionName.Kind.METHOD : FunctionName.Kind.FIELD, qualifier + key);
            }
            default -> {
                return null;
            }
        }
    }

    private static String constantName(Prototype p, int rk) {
        if ((rk & 0x100) == 0) {
            return null;
        }
        LuaValue k = p.k[rk & 0xff];
        return k.isstring() && !k.isnumber() ? k.tojstring() : null;
    }

    /** The last instruction before {@code lastPc} that sets {@code reg}, or -1 (as Lua 5.2's findsetreg). */
    static int findSetter(Prototype p, int lastPc, int reg) {
        int setter = -1;
        int jumpTarget = 0;
        for (int pc = 0; pc < lastPc; pc++) {
            int i = p.code[pc];
            int op = op(i);
            int a = a(i);
            boolean changes;
            switch (op) {
                case OP_LOADNIL -> changes = a <= reg && reg <= a + b(i);
                case OP_TFORCALL -> changes = reg >= a + 2;
                case OP_CALL, OP_TAILCALL -> changes = reg >= a;
                case OP_JMP -> {
                    int dest = pc + 1 + ((i >>> 14) - 131071);
                    if (pc < dest && dest <= lastPc && dest > jumpTarget) {
                        jumpTarget = dest;
                    }
                    changes = false;
                }
                case OP_SETTABUP, OP_SETTABLE, 9, 24, 25, 26, 27, 31, 32, 33, 35, OP_SETLIST, 39 -> changes = false;
                default -> changes = a == reg;
            }
            if (changes) {
                setter = pc < jumpTarget ? -1 : pc;
            }
        }
        return setter;
    }
}
