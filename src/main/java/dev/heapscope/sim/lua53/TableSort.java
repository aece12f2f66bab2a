package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.3.5's {@code table.sort} (ltablib.c's quicksort, {@code auxsort}/{@code partition}) with the work it does
 * charged to the board's budget: LuaJ's own sort compared and swapped in Java without ever checking it, so a loop
 * of sorts of a big table never ended. The board's messages ({@code invalid order function for sorting},
 * {@code array too big}) and its element access through {@code lua_geti}/{@code lua_seti} come along. The board
 * randomises a pivot from the clock when a partition is badly unbalanced; here the seed is fixed, so a run
 * sorts the same way every time.
 */
final class TableSort {
    /** ltablib.c RANLIMIT: below this many elements the middle one is the pivot. */
    private static final long RANDOM_LIMIT = 100;
    private static final int FIXED_SEED = 0x2545F491;
    /**
     * Instruction equivalents per comparison or swap: two reads through the board's number model and a compare
     * (or two writes) took 20 times a plain loop's instruction in LuaJ (a loop of sorts of 5,000 numbers ran 8 s
     * on a budget a plain loop spends in 1.6 s at 4).
     */
    private static final int WORK_PER_STEP = 20;

    private final Libraries libs;
    private LuaValue table;
    private LuaValue order;

    TableSort(Libraries libs) {
        this.libs = libs;
    }

    Varargs sort(Varargs args, long length) {
        LibArgs check = libs.args("sort");
        if (length > 1) {
            check.check(length < Integer.MAX_VALUE, 1, "array too big");
            if (!args.isnoneornil(2) && !args.arg(2).isfunction()) {
                throw check.typeError(args, 2, "function");
            }
            table = args.arg1();
            order = args.isnoneornil(2) ? null : args.arg(2);
            try {
                sortRange(1, length, 0);
            } finally {
                table = null;
                order = null;
            }
        }
        return LuaValue.NONE;
    }

    private void sortRange(long lo, long up, int rnd) {
        while (lo < up) { // the larger half loops, the smaller recurses: the Java stack stays logarithmic
            if (less(get(up), get(lo))) {
                swap(lo, up);
            }
            if (up - lo == 1) {
                return;
            }
            long p = up - lo < RANDOM_LIMIT || rnd == 0 ? (lo + up) / 2 : pivot(lo, up, rnd);
            if (less(get(p), get(lo))) {
                swap(p, lo);
            } else if (less(get(up), get(p))) {
                swap(p, up);
            }
            if (up - lo == 2) {
                return;
            }
            LuaValue pivot = get(p);
            swap(p, up - 1);
            p = partition(lo, up, pivot);
            long smaller;
            if (p - lo < up - p) {
                sortRange(lo, p - 1, rnd);
                smaller = p - lo;
                lo = p + 1;
            } else {
                sortRange(p + 1, up, rnd);
                smaller = up - p;
                up = p - 1;
            }
            if ((up - lo) / 128 > smaller) {
                rnd = FIXED_SEED;
            }
        }
    }

    /** ltablib.c partition: a[lo..i-1] &lt; P &lt;= a[j+1..up], with the order function checked for sense. */
    private long partition(long lo, long up, LuaValue pivot) {
        long i = lo;
        long j = up - 1;
        while (true) {
            while (less(get(++i), pivot)) {
                if (i == up - 1) {
                    throw new LuaError("invalid order function for sorting");
                }
            }
            while (less(pivot, get(--j))) {
                if (j < i) {
                    throw new LuaError("invalid order function for sorting");
                }
            }
            if (j < i) {
                swap(up - 1, i);
                return i;
            }
            swap(i, j);
        }
    }

    private static long pivot(long lo, long up, int rnd) {
        long quarter = (up - lo) / 4;
        return Integer.toUnsignedLong(rnd) % (quarter * 2) + lo + quarter;
    }

    private boolean less(LuaValue a, LuaValue b) {
        libs.meter.spend(WORK_PER_STEP);
        if (order != null) {
            return order.call(a, b).toboolean();
        }
        if (a instanceof LuaString x && b instanceof LuaString y) { // strcoll reads both strings
            libs.meter.spend(Math.min(x.m_length, y.m_length) / WorkMeter.BYTES_PER_WORK);
        }
        return a.lt_b(b);
    }

    private LuaValue get(long i) {
        return table.get(libs.numbers.integer(i));
    }

    private void swap(long i, long j) {
        LuaValue a = get(i);
        LuaValue b = get(j);
        table.set(libs.numbers.integer(i), b);
        table.set(libs.numbers.integer(j), a);
        libs.meter.spend(WORK_PER_STEP);
    }
}
