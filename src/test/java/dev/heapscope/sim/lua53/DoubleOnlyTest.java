package dev.heapscope.sim.lua53;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The legacy {@code 5.1-doublefp} build: one double type printed with %.14g, lua-5.1's libraries. */
class DoubleOnlyTest {
    private final NumberedLua lua = new NumberedLua(DoubleOnly.INSTANCE);

    @Test
    void numbersAreDoublesPrintedWithFourteenDigits() {
        assertThat(lua.line("print(10/2, math.pi, 2147483647+1, 100000*100000, 2^31, 1/3, 1e308*10, 2^53)"))
                .isEqualTo("5\t3.1415926535898\t2147483648\t10000000000\t2147483648\t0.33333333333333\tinf\t9.007199254741e+15");
    }

    @Test
    void moduloIsFloorBasedOnDoubles() {
        assertThat(lua.line("print(7 % 3, -7 % 3, 7.5 % 2, 5 % 0, -(0/0))")).isEqualTo("1\t2\t1.5\tnan\t-nan");
    }

    @Test
    void noIntegerOperatorsOrSubtypeFunctions() {
        assertThat(DoubleOnly.INSTANCE.hasIntegerOperators()).isFalse();
        assertThat(lua.line("print(math.type, math.tointeger, math.maxinteger, math.ult, math.fmod, math.log)"))
                .isEqualTo("nil\tnil\tnil\tnil\tnil\tnil");
        assertThat(lua.line("print(math.floor(3.7), math.ceil(3.2), math.abs(-2), math.pow(2, 10), math.sqrt(16), math.max(1, 5, 3), math.huge)"))
                .isEqualTo("3\t4\t2\t1024\t4\t5\tinf");
    }

    @Test
    void literalsAreDoubles() {
        assertThat(DoubleOnly.INSTANCE.literal("2.0").tojstring()).isEqualTo("2");
        assertThat(DoubleOnly.INSTANCE.literal("0x10").tojstring()).isEqualTo("16");
        assertThat(DoubleOnly.INSTANCE.literal("2147483648").tojstring()).isEqualTo("2147483648");
        assertThat(DoubleOnly.INSTANCE.literal("1e")).isNull();
    }

    @Test
    void formatTruncatesToIntegersAndHasNoHexFloats() {
        assertThat(lua.line("print(string.format('%d|%x|%5.2f|%g|%s', 3.7, -1, 3.14159, 0.0001, 1/3))"))
                .isEqualTo("3|ffffffffffffffff| 3.14|0.0001|0.33333333333333");
        assertThat(lua.line("print(pcall(string.format, '%a', 1))")).isEqualTo("false\tinvalid option '%a' to 'format'");
        assertThat(lua.run("print(string.format('%q', 'a\\r\\0'))")).isEqualTo("\"a\\r\\000\"\n");
    }

    @Test
    void tonumberAsLua51() {
        assertThat(lua.line("print(tonumber('10'), tonumber('0x10'), tonumber('1e2'), tonumber('ff', 16), tonumber('0xff', 16), tonumber('z'))"))
                .isEqualTo("10\t16\t100\t255\t255\tnil");
    }

    @Test
    void randomKeepsTheFiveOneInterval() {
        assertThat(lua.line("print(pcall(math.random, 0))")).isEqualTo("false\tbad argument #1 to 'random' (interval is empty)");
        assertThat(lua.line("print(pcall(math.random, 3, 1))")).isEqualTo("false\tbad argument #2 to 'random' (interval is empty)");
        assertThat(lua.line("math.randomseed(7) local r = math.random(10) print(r >= 1 and r <= 10, r == math.floor(r))"))
                .isEqualTo("true\ttrue");
    }
}
