package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.function.DoubleUnaryOperator;

import static dev.heapscope.sim.lua53.NumberArgs.bad;
import static dev.heapscope.sim.lua53.NumberArgs.fn;

/**
 * The 5.3 {@code math} table of NodeMCU's build (lmathlib.c with {@code LUA_NODEMCU_COMPAT_MATHLIB} and
 * without {@code LUA_COMPAT_MATHLIB}: no pow, atan2, frexp, ldexp, log10, cosh): single-precision results,
 * integer results where lmathlib.c pushes integers.
 */
final class MathLib53 {
    private static final float PI = (float) Math.PI;
    private final NumberArgs args = new NumberArgs(Arith53.INSTANCE);
    private final NewlibRandom random = new NewlibRandom();

    LuaTable table() {
        LuaTable math = new LuaTable();
        math.set("abs", fn("abs", a -> {
            LuaValue n = args.number(a, 1, "abs");
            return Arith53.isInteger(a.arg1()) ? Int32.of(Math.abs(n.toint())) : Float32.of(Math.abs(Arith53.toFloat(n)));
        }));
        unary(math, "sin", Math::sin);
        unary(math, "cos", Math::cos);
        unary(math, "tan", Math::tan);
        unary(math, "asin", Math::asin);
        unary(math, "acos", Math::acos);
        unary(math, "sqrt", Math::sqrt);
        unary(math, "exp", Math::exp);
        math.set("atan", fn("atan", a -> Float32.of((float) Math.atan2(
                Arith53.toFloat(args.number(a, 1, "atan")), Arith53.toFloat(args.optNumber(a, 2, "atan", Int32.of(1)))))));
        math.set("deg", fn("deg", a -> Float32.of(Arith53.toFloat(args.number(a, 1, "deg")) * (180f / PI))));
        math.set("rad", fn("rad", a -> Float32.of(Arith53.toFloat(args.number(a, 1, "rad")) * (PI / 180f))));
        math.set("floor", fn("floor", a -> rounded(a, "floor", Math::floor)));
        math.set("ceil", fn("ceil", a -> rounded(a, "ceil", Math::ceil)));
        math.set("fmod", fn("fmod", this::fmod));
        math.set("modf", fn("modf", this::modf));
        math.set("log", fn("log", this::log));
        math.set("ult", fn("ult", a -> LuaValue.valueOf(
                Integer.compareUnsigned(args.integer(a, 1, "ult"), args.integer(a, 2, "ult")) < 0)));
        math.set("tointeger", fn("tointeger", a -> {
            LuaValue n = Arith53.operandOf(a.arg1());
            if (n != null && (Arith53.isInteger(n) || Arith53.fitsInt(Arith53.toFloat(n)))) {
                return Int32.of(Arith53.integerOf(n));
            }
            NumberArgs.any(a, 1, "tointeger");
            return LuaValue.NIL;
        }));
        math.set("type", fn("type", a -> {
            if (a.arg1().type() == LuaValue.TNUMBER) {
                return LuaValue.valueOf(Arith53.isInteger(a.arg1()) ? "integer" : "float");
            }
            NumberArgs.any(a, 1, "type");
            return LuaValue.NIL;
        }));
        math.set("min", fn("min", a -> extreme(a, "min", true)));
        math.set("max", fn("max", a -> extreme(a, "max", false)));
        math.set("random", fn("random", this::random));
        math.set("randomseed", fn("randomseed", a -> {
            random.seed((int) (long) Arith53.toFloat(args.number(a, 1, "randomseed")));
            random.next();
            return LuaValue.NONE;
        }));
        math.set("pi", Float32.of(PI));
        math.set("huge", Float32.of(Float.POSITIVE_INFINITY));
        math.set("maxinteger", Int32.of(Integer.MAX_VALUE));
        math.set("mininteger", Int32.of(Integer.MIN_VALUE));
        return math;
    }

    /** The float function {@code l_mathop(f)}: computed in double, rounded once to the float result. */
    private void unary(LuaTable math, String name, DoubleUnaryOperator f) {
        math.set(name, fn(name, a -> Float32.of((float) f.applyAsDouble(Arith53.toFloat(args.number(a, 1, name))))));
    }

    /** pushnumint: an integer when the float result fits one. */
    private static LuaValue numint(float f) {
        return Arith53.fitsInt(f) ? Int32.of((int) f) : Float32.of(f);
    }

    private LuaValue rounded(Varargs a, String name, DoubleUnaryOperator f) {
        LuaValue n = args.number(a, 1, name);
        if (Arith53.isInteger(a.arg1())) {
            return Int32.of(n.toint());
        }
        return numint((float) f.applyAsDouble(Arith53.toFloat(n)));
    }

    private Varargs fmod(Varargs a) {
        if (Arith53.isInteger(a.arg(1)) && Arith53.isInteger(a.arg(2))) {
            int d = a.arg(2).toint();
            if (d == 0) {
                throw bad(2, "fmod", "zero");
            }
            return Int32.of(d == -1 ? 0 : a.arg(1).toint() % d);
        }
        float x = Arith53.toFloat(args.number(a, 1, "fmod"));
        float y = Arith53.toFloat(args.number(a, 2, "fmod"));
        if (y == 0) {
            throw new LuaError("modulo by zero");
        }
        float m = x / y;
        // NodeMCU's fmod: the C library's double floor/ceil of the float quotient
        return Float32.of((float) (x - y * (m > 0 ? Math.floor(m) : Math.ceil(m))));
    }

    private Varargs modf(Varargs a) {
        if (Arith53.isInteger(a.arg1())) {
            return LuaValue.varargsOf(Int32.of(a.arg1().toint()), Float32.of(0f));
        }
        float n = Arith53.toFloat(args.number(a, 1, "modf"));
        float ip = (float) (n < 0 ? Math.ceil(n) : Math.floor(n));
        return LuaValue.varargsOf(numint(ip), Float32.of(n == ip ? 0f : n - ip));
    }

    private Varargs log(Varargs a) {
        float x = Arith53.toFloat(args.number(a, 1, "log"));
        if (a.isnoneornil(2)) {
            return Float32.of((float) Math.log(x));
        }
        float base = Arith53.toFloat(args.number(a, 2, "log"));
        if (base == 2f) {
            return Float32.of((float) (Math.log(x) / Math.log(2)));
        }
        if (base == 10f) {
            return Float32.of((float) Math.log10(x));
        }
        return Float32.of((float) Math.log(x) / (float) Math.log(base));
    }

    /** lua_compare with LUA_OPLT over all arguments, keeping the winner as it was (subtype included). */
    private static Varargs extreme(Varargs a, String name, boolean min) {
        if (a.narg() < 1) {
            throw bad(1, name, "value expected");
        }
        int best = 1;
        for (int i = 2; i <= a.narg(); i++) {
            if (min ? a.arg(i).lt_b(a.arg(best)) : a.arg(best).lt_b(a.arg(i))) {
                best = i;
            }
        }
        return a.arg(best);
    }

    private Varargs random(Varargs a) {
        double r = random.next() * (1.0 / (NewlibRandom.RAND_MAX + 1.0));
        int low;
        int up;
        switch (a.narg()) {
            case 0:
                return Float32.of((float) r);
            case 1:
                low = 1;
                up = args.integer(a, 1, "random");
                break;
            case 2:
                low = args.integer(a, 1, "random");
                up = args.integer(a, 2, "random");
                break;
            default:
                throw new LuaError("wrong number of arguments");
        }
        if (low > up) {
            throw bad(1, "random", "interval is empty");
        }
        if (!(low >= 0 || up <= Integer.MAX_VALUE + low)) {
            throw bad(1, "random", "interval too large");
        }
        r *= (double) (up - low) + 1.0;
        return Int32.of((int) r + low);
    }
}
