package dev.heapscope.sim.lua53;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NodeMCU's 5.3 lmathlib.c: single-precision results, integers where it pushes integers. */
class MathLib53Test {
    private final NumberedLua lua = new NumberedLua(Int32SingleFloat.INSTANCE);

    @Test
    void onlyTheFunctionsOfNodeMcusMathTable() {
        assertThat(lua.line("print(math.pow, math.atan2, math.frexp, math.ldexp, math.log10, math.cosh)"))
                .isEqualTo("nil\tnil\tnil\tnil\tnil\tnil");
    }

    @Test
    void constants() {
        assertThat(lua.line("print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)"))
                .isEqualTo("3.141593\tinf\t-inf\t2147483647\t-2147483648");
    }

    @Test
    void absWrapsTheMinimumInteger() {
        assertThat(lua.line("print(math.abs(-3), math.abs(-3.5), math.abs(math.mininteger), math.abs('-2'))"))
                .isEqualTo("3\t3.5\t-2147483648\t2.0");
    }

    @Test
    void floorAndCeilGiveIntegersWhenTheyFit() {
        assertThat(lua.line("print(math.floor(3.7), math.ceil(-3.2), math.floor(-0.5), math.floor(5), math.floor(1e10), math.ceil(1/0))"))
                .isEqualTo("3\t-3\t-1\t5\t1e+10\tinf");
    }

    @Test
    void fmodForIntegersAndFloats() {
        assertThat(lua.line("print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -1), math.fmod(7.5, 2), math.fmod(-7.5, 2))"))
                .isEqualTo("1\t-1\t0\t1.5\t-1.5");
        assertThat(lua.line("print(pcall(math.fmod, 1, 0))")).isEqualTo("false\tbad argument #2 to 'fmod' (zero)");
        assertThat(lua.line("print(pcall(math.fmod, 1.5, 0))")).isEqualTo("false\tmodulo by zero");
    }

    @Test
    void modfSplitsIntoNodeMcusIntegerPartAndAFloatFraction() {
        assertThat(lua.line("print(math.modf(3.75))")).isEqualTo("3\t0.75");
        assertThat(lua.line("print(math.modf(-3.75))")).isEqualTo("-3\t-0.75");
        assertThat(lua.line("print(math.modf(5))")).isEqualTo("5\t0.0");
        assertThat(lua.line("print(math.modf(1/0))")).isEqualTo("inf\t0.0");
    }

    @Test
    void tointegerTypeAndUlt() {
        assertThat(lua.line("print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger('8'), math.tointeger(2^31), math.tointeger({}))"))
                .isEqualTo("3\tnil\t8\tnil\tnil");
        assertThat(lua.line("print(math.ult(1, -1), math.ult(-1, 1), pcall(math.ult, 1.5, 2))"))
                .isEqualTo("true\tfalse\tfalse\tbad argument #1 to 'ult' (number has no integer representation)");
        assertThat(lua.line("print(pcall(math.tointeger))")).isEqualTo("false\tbad argument #1 to 'tointeger' (value expected)");
    }

    @Test
    void minAndMaxKeepTheWinnerAsItWas() {
        assertThat(lua.line("print(math.max(1, 2.5), math.min(3, 1.0), math.max(2, 2.0), math.type(math.min(1, 2)))"))
                .isEqualTo("2.5\t1.0\t2\tinteger");
        assertThat(lua.line("print(pcall(math.max))")).isEqualTo("false\tbad argument #1 to 'max' (value expected)");
        assertThat(lua.line("print(pcall(math.min, 1, 'x'))")).startsWith("false\t").contains("attempt to compare");
    }

    @Test
    void transcendentalFunctionsInSinglePrecision() {
        assertThat(lua.line("print(math.sqrt(2), math.sin(1), math.cos(0), math.tan(1), math.asin(1), math.acos(0))"))
                .isEqualTo("1.414214\t0.841471\t1.0\t1.557408\t1.570796\t1.570796");
        assertThat(lua.line("print(math.atan(1), math.atan(1, -1), math.exp(1), math.log(8, 2), math.log(100, 10), math.log(1))"))
                .isEqualTo("0.7853982\t2.356194\t2.718282\t3.0\t2.0\t0.0");
        assertThat(lua.line("print(math.deg(math.pi), math.rad(180), math.sqrt(-1))")).isEqualTo("180.0\t3.141593\tnan");
        assertThat(lua.line("print(pcall(math.sqrt))")).isEqualTo("false\tbad argument #1 to 'sqrt' (number expected, got no value)");
    }

    @Test
    void randomIsTheBoardsNewlibSequenceAndChecksItsInterval() {
        String first = lua.run("math.randomseed(42) print(math.random(1, 100), math.random(6), math.type(math.random()))");
        assertThat(new NumberedLua(Int32SingleFloat.INSTANCE)
                .run("math.randomseed(42) print(math.random(1, 100), math.random(6), math.type(math.random()))")).isEqualTo(first);
        assertThat(first).endsWith("\tfloat\n");
        assertThat(lua.line("print(pcall(math.random, 2, 1))")).isEqualTo("false\tbad argument #1 to 'random' (interval is empty)");
        assertThat(lua.line("print(pcall(math.random, 1, 2, 3))")).isEqualTo("false\twrong number of arguments");
        assertThat(lua.line("print(pcall(math.random, -2, 2147483647))"))
                .isEqualTo("false\tbad argument #1 to 'random' (interval too large)");
    }

    @Test
    void newlibRandFromSeedOneIsDeterministic() {
        NewlibRandom r = new NewlibRandom();
        // newlib rand(): next = next * 6364136223846793005 + 1, result (next >> 32) & 0x7fffffff, seed 1
        long state = 1;
        for (int i = 0; i < 5; i++) {
            state = state * 6364136223846793005L + 1;
            assertThat(r.next()).isEqualTo((int) ((state >>> 32) & 0x7fffffff));
        }
    }
}
