package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.function.DoubleUnaryOperator;

import static dev.heapscope.sim.lua53.NumberArgs.bad;
import static dev.heapscope.sim.lua53.NumberArgs.fn;

/**
 * The legacy build's {@code math} (lua-5.1/lmathlib.c, all else commented out there): abs, ceil, floor,
 * max, min, pow, random, randomseed, sqrt, pi, huge. No math.type, tointeger, maxinteger (5.1 has none).
 */
final class MathLib51 {
    private final NumberArgs args = new NumberArgs(Arith51.INSTANCE);
    private final NewlibRandom random = new NewlibRandom();

    LuaTable table() {
        LuaTable math = new LuaTable();
        unary(math, "abs", Math::abs);
        unary(math, "ceil", Math::ceil);
        unary(math, "floor", Math::floor);
        unary(math, "sqrt", Math::sqrt);
        math.set("pow", fn("pow", a -> Double64.of(Math.pow(number(a, 1, "pow"), number(a, 2, "pow")))));
        math.set("min", fn("min", a -> extreme(a, "min", true)));
        math.set("max", fn("max", a -> extreme(a, "max", false)));
        math.set("random", fn("random", this::random));
        math.set("randomseed", fn("randomseed", a -> {
            random.seed(args.integer(a, 1, "randomseed"));
            return LuaValue.NONE;
        }));
        math.set("pi", Double64.of(Math.PI));
        math.set("huge", Double64.of(Double.POSITIVE_INFINITY));
        return math;
    }

    private double number(Varargs a, int arg, String name) {
        return args.number(a, arg, name).todouble();
    }

    private void unary(LuaTable math, String name, DoubleUnaryOperator f) {
        math.set(name, fn(name, a -> Double64.of(f.applyAsDouble(number(a, 1, name)))));
    }

    private Varargs extreme(Varargs a, String name, boolean min) {
        double best = number(a, 1, name);
        for (int i = 2; i <= a.narg(); i++) {
            double d = number(a, i, name);
            if (min ? d < best : d > best) {
                best = d;
            }
        }
        return Double64.of(best);
    }

    private Varargs random(Varargs a) {
        double r = (double) (random.next() % NewlibRandom.RAND_MAX) / NewlibRandom.RAND_MAX;
        switch (a.narg()) {
            case 0:
                return Double64.of(r);
            case 1: {
                int u = args.integer(a, 1, "random");
                if (u < 1) {
                    throw bad(1, "random", "interval is empty");
                }
                return Double64.of(Math.floor(r * u) + 1);
            }
            case 2: {
                int l = args.integer(a, 1, "random");
                int u = args.integer(a, 2, "random");
                if (l > u) {
                    throw bad(2, "random", "interval is empty");
                }
                return Double64.of(Math.floor(r * (u - l + 1)) + l);
            }
            default:
                throw new LuaError("wrong number of arguments");
        }
    }
}
