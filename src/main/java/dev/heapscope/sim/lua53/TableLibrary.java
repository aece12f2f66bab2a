package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;


/**
 * Lua 5.3.5's {@code table.insert/remove/move/concat/pack/unpack} as NodeMCU's ltablib.c has them: element
 * access through metamethods ({@code lua_geti}/{@code lua_seti}), lengths through {@code __len}, and its
 * messages, and {@code sort} ({@link TableSort}). Elements moved one by one are charged to the board's budget
 * ({@link #WORK_PER_SHIFT}), so a loop of inserts at the front of a big table ends like any runaway loop.
 */
final class TableLibrary {
    private static final int READ = 1;
    private static final int WRITE = 2;
    private static final int LENGTH = 4;
    private static final long MAX_INTEGER = Integer.MAX_VALUE;
    /**
     * Instruction equivalents per element moved: a get and a set through the board's number model took 8 times a
     * plain loop's instruction (inserts at the front of 5,000 elements ran 4.6 s on a 1.6 s budget at 3).
     */
    private static final int WORK_PER_SHIFT = 8;

    private final Libraries libs;

    TableLibrary(Libraries libs) {
        this.libs = libs;
    }

    void install(LuaTable table) {
        libs.put(table, "insert", this::insert);
        libs.put(table, "remove", this::remove);
        libs.put(table, "move", this::move);
        libs.put(table, "concat", this::concat);
        libs.put(table, "pack", this::pack);
        libs.put(table, "unpack", this::unpack);
        libs.put(table, "sort", this::sort);
    }

    /** checktab: a table, or a value whose metatable has the metamethods the function needs. */
    private static void checkTable(LibArgs check, Varargs args, int arg, int what) {
        LuaValue value = args.arg(arg);
        if (value.istable()) {
            return;
        }
        LuaValue meta = value.getmetatable();
        if (meta == null || (what & READ) != 0 && meta.rawget("__index").isnil()
                || (what & WRITE) != 0 && meta.rawget("__newindex").isnil()
                || (what & LENGTH) != 0 && meta.rawget("__len").isnil()) {
            throw check.typeError(args, arg, "table");
        }
    }

    /** luaL_len: the length through {@code __len}, which must be an integer. */
    private long length(LuaValue value) {
        LuaValue n = value.len();
        if (!n.isnumber() || n.todouble() != Math.floor(n.todouble())) {
            throw new LuaError("object length is not an integer");
        }
        return (long) n.todouble();
    }

    private LuaValue get(LuaValue table, long i) {
        return table.get(libs.numbers.integer(i));
    }

    private void set(LuaValue table, long i, LuaValue value) {
        table.set(libs.numbers.integer(i), value);
    }

    private Varargs insert(Varargs args) {
        LibArgs check = libs.args("insert");
        checkTable(check, args, 1, READ | WRITE | LENGTH);
        LuaValue t = args.arg1();
        long end = length(t) + 1;
        long pos;
        switch (args.narg()) {
            case 2 -> pos = end;
            case 3 -> {
                pos = check.checkInteger(args, 2);
                check.check(1 <= pos && pos <= end, 2, "position out of bounds");
                libs.meter.spend((end - pos) * WORK_PER_SHIFT);
                for (long i = end; i > pos; i--) {
                    set(t, i, get(t, i - 1));
                }
            }
            default -> throw new LuaError("wrong number of arguments to 'insert'");
        }
        set(t, pos, args.arg(args.narg()));
        return LuaValue.NONE;
    }

    private Varargs remove(Varargs args) {
        LibArgs check = libs.args("remove");
        checkTable(check, args, 1, READ | WRITE | LENGTH);
        LuaValue t = args.arg1();
        long size = length(t);
        long pos = check.optInteger(args, 2, size);
        if (pos != size) {
            check.check(1 <= pos && pos <= size + 1, 1, "position out of bounds");
        }
        LuaValue removed = get(t, pos);
        libs.meter.spend(Math.max(0, size - pos) * WORK_PER_SHIFT);
        for (; pos < size; pos++) {
            set(t, pos, get(t, pos + 1));
        }
        set(t, pos, LuaValue.NIL);
        return removed;
    }

    private Varargs move(Varargs args) {
        LibArgs check = libs.args("move");
        long from = check.checkInteger(args, 2);
        long end = check.checkInteger(args, 3);
        long to = check.checkInteger(args, 4);
        int target = args.isnoneornil(5) ? 1 : 5;
        checkTable(check, args, 1, READ);
        checkTable(check, args, target, WRITE);
        LuaValue source = args.arg1();
        LuaValue destination = args.arg(target);
        if (end >= from) {
            check.check(from > 0 || end < MAX_INTEGER + from, 3, "too many elements to move");
            long n = end - from + 1;
            check.check(to <= MAX_INTEGER - n + 1, 4, "destination wrap around");
            libs.meter.spend(n * WORK_PER_SHIFT);
            if (to > end || to <= from || target != 1 && !source.eq_b(destination)) {
                for (long i = 0; i < n; i++) {
                    set(destination, to + i, get(source, from + i));
                }
            } else {
                for (long i = n - 1; i >= 0; i--) {
                    set(destination, to + i, get(source, from + i));
                }
            }
        }
        return destination;
    }

    private Varargs concat(Varargs args) {
        LibArgs check = libs.args("concat");
        checkTable(check, args, 1, READ | LENGTH);
        LuaValue t = args.arg1();
        long last = length(t);
        org.luaj.vm2.LuaString separator = check.optString(args, 2, LuaValue.valueOf(""));
        long i = check.optInteger(args, 3, 1);
        last = check.optInteger(args, 4, last);
        MeteredBuffer out = new MeteredBuffer(libs.meter);
        for (; i < last; i++) {
            addField(out, t, i);
            out.add(separator);
            libs.meter.spend(1);
        }
        if (i == last) {
            addField(out, t, i);
        }
        return out.toLuaString();
    }

    private void addField(MeteredBuffer out, LuaValue t, long i) {
        LuaValue value = get(t, i);
        if (!value.isstring()) {
            throw new LuaError("invalid value (" + value.typename() + ") at index " + i + " in table for 'concat'");
        }
        org.luaj.vm2.LuaString s = value.strvalue();
        out.add(s);
    }

    private Varargs sort(Varargs args) {
        LibArgs check = libs.args("sort");
        checkTable(check, args, 1, READ | WRITE | LENGTH);
        return new TableSort(libs).sort(args, length(args.arg1()));
    }

    private Varargs pack(Varargs args) {
        int n = args.narg();
        LuaTable packed = new LuaTable(n, 1);
        for (int i = n; i >= 1; i--) {
            set(packed, i, args.arg(i));
        }
        packed.set("n", libs.numbers.integer(n));
        return packed;
    }

    private Varargs unpack(Varargs args) {
        LibArgs check = libs.args("unpack");
        long from = check.optInteger(args, 2, 1);
        long to = args.isnoneornil(3) ? length(args.arg1()) : check.checkInteger(args, 3);
        if (from > to) {
            return LuaValue.NONE;
        }
        long n = to - from;
        // lua_checkstack: past LUAI_MAXSTACK, or a stack the board's heap cannot hold, is refused before Java
        // allocates the values
        if (n >= Integer.MAX_VALUE || !libs.meter.stackFits(n + 1)) {
            throw new LuaError("too many results to unpack");
        }
        libs.meter.spend(n * WORK_PER_SHIFT);
        LuaValue t = args.arg1();
        LuaValue[] values = new LuaValue[(int) n + 1];
        for (int k = 0; k <= n; k++) {
            values[k] = get(t, from + k);
        }
        return LuaValue.varargsOf(values);
    }
}
