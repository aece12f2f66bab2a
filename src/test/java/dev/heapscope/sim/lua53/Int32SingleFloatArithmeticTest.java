package dev.heapscope.sim.lua53;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Numbers" items and 5.3's arithmetic, as the {@code 5.3-int32-singlefp} board prints them. */
class Int32SingleFloatArithmeticTest {
    private final NumberedLua lua = new NumberedLua(Int32SingleFloat.INSTANCE);

    @Test
    void divisionIsAlwaysFloat() {
        assertThat(lua.line("print(10/2, 3/2, 1/3)")).isEqualTo("5.0\t1.5\t0.3333333");
    }

    @Test
    void piPrintsWithSevenSignificantDigits() {
        assertThat(lua.line("print(math.pi)")).isEqualTo("3.141593");
    }

    @Test
    void integerAdditionWrapsAt32Bits() {
        assertThat(lua.line("print(2147483647+1, 65536*65536)")).isEqualTo("-2147483648\t0");
    }

    @Test
    void integerMultiplicationWrapsAt32Bits() {
        assertThat(lua.line("print(100000*100000)")).isEqualTo("1410065408");
    }

    @Test
    void powerIsAFloat() {
        assertThat(lua.line("print(2^31, 2^0.5, 2^2)")).isEqualTo("2.147484e+09\t1.414214\t4.0");
    }

    @Test
    void overflowIsInfAndNanHasItsSign() {
        assertThat(lua.line("print(1e300*10, -1e39, 1/0, -1/0, 0/0, -(0/0))")).isEqualTo("inf\t-inf\tinf\t-inf\tnan\t-nan");
    }

    @Test
    void mathTypeTellsFloatFromInteger() {
        assertThat(lua.line("print(math.type(2.0), math.type(2), math.type('2'), math.type(2^31))"))
                .isEqualTo("float\tinteger\tnil\tfloat");
    }

    @Test
    void integralFloatsPrintWithPointZeroButExponentsStay() {
        assertThat(lua.line("print(2.0, 1e15, 1e16, -0.0, 123456789.0, 0.1 + 0.2, 1e-5)"))
                .isEqualTo("2.0\t1e+15\t1e+16\t-0.0\t1.234568e+08\t0.3\t1e-05");
    }

    @Test
    void floorDivisionAndModuloFloorForIntegersAndFloats() {
        assertThat(lua.line("print(idiv(7,2), idiv(-7,2), idiv(7.5,2), idiv(-7,2.0), idiv(1,0.0))"))
                .isEqualTo("3\t-4\t3.0\t-4.0\tinf");
        assertThat(lua.line("print(7 % 3, -7 % 3, 7 % -3, -7.5 % 2, 5.5 % -2)")).isEqualTo("1\t2\t-2\t0.5\t-0.5");
    }

    @Test
    void integerDivisionByZeroIsAnError() {
        assertThat(lua.line("print(pcall(idiv, 1, 0))")).isEqualTo("false\tattempt to perform 'n//0'");
        assertThat(lua.line("local z = 0 print(1 % z)")).isEqualTo("error: stdin:1: attempt to perform 'n%0'");
    }

    @Test
    void mixedOperandsBecomeSinglePrecisionFloats() {
        assertThat(lua.line("print(16777217 + 0.0, 1 + 0.5, 16777217 == 16777216.0, 16777217 < 16777216.5)"))
                .isEqualTo("1.677722e+07\t1.5\tfalse\tfalse");
    }

    @Test
    void comparisonsAcrossSubtypesAreExact() {
        assertThat(lua.line("print(1 == 1.0, 1 < 2.5, 2147483647 < 2147483648.0, 3 <= 3.0)")).isEqualTo("true\ttrue\ttrue\ttrue");
        assertThat(lua.line("print(pcall(function() return 1 < '2' end))"))
                .isEqualTo("false\tstdin:1: attempt to compare number with string");
    }

    @Test
    void bitwiseOperatorsOnIntegersAndIntegralFloats() {
        assertThat(lua.line("print(band(7,3), bor(1,6), bxor(5,3), shl(1,4), bnot(0), band(3.0, 1), band('7', 3))"))
                .isEqualTo("3\t7\t6\t16\t-1\t1\t3");
        assertThat(lua.line("print(pcall(band, 3.5, 1))")).isEqualTo("false\tnumber has no integer representation");
        assertThat(lua.line("print(pcall(bor, {}, 1))")).isEqualTo("false\tattempt to perform bitwise operation on a table value");
    }

    @Test
    void shiftsAreLogicalAndGiveZeroFrom32Bits() {
        assertThat(lua.line("print(shr(-1, 28), shl(1, 32), shl(1, 31), shl(1, -1), shr(1, -4), shr(-1, 32))"))
                .isEqualTo("15\t0\t-2147483648\t0\t16\t0");
    }

    @Test
    void numeralsOverflowingAnIntegerAreFloatsAndHexWraps() {
        assertThat(lua.line("print(2147483648, 2147483647, 0x7fffffff, 0xffffffff, 0x100000000, 0x1p4, 0xA.8p0)"))
                .isEqualTo("2.147484e+09\t2147483647\t2147483647\t-1\t0\t16.0\t10.5");
    }

    @Test
    void stringsCoerceToTheSubtypeTheySpell() {
        assertThat(lua.line("print('10' + 1, 1 + '10', 1 + '0.5', '0x10' * 1, 10 .. '', 1.5 .. '|', 2^31 .. '')"))
                .isEqualTo("11\t11\t1.5\t16\t10\t1.5|\t2.147484e+09");
        assertThat(lua.line("print(pcall(function() local s = 'a' return s + 1 end))"))
                .startsWith("false\tstdin:1: attempt to perform arithmetic");
    }

    @Test
    void tableKeysTwoAndTwoPointZeroAreTheSameKey() {
        assertThat(lua.line("local t = {} t[2] = 'a' t[2.5] = 'b' t[1.0] = 'c' print(t[2.0], t[2.5], #t, t[1])"))
                .isEqualTo("a\tb\t2\tc");
        assertThat(lua.run("local t = {} t[1.0] = 'x' for k, v in pairs(t) do print(math.type(k), k, v) end"))
                .isEqualTo("integer\t1\tx\n");
    }

    @Test
    void forLoopsWithIntegerAndFloatSteps() {
        assertThat(lua.run("for i = 1, 3 do print(i) end")).isEqualTo("1\n2\n3\n");
        assertThat(lua.run("for i = 1.0, 2 do print(i) end")).isEqualTo("1.0\n2.0\n");
        assertThat(lua.run("for i = 1, 2, 0.5 do print(i) end")).isEqualTo("1.0\n1.5\n2.0\n");
        assertThat(lua.run("for i = 3, 1, -1 do print(i) end")).isEqualTo("3\n2\n1\n");
    }

    @Test
    void luajsOwnIntegersMixAsIntegers() {
        assertThat(lua.line("local s = 'abcd' print(#s / 2, #s % 3, #s * 0.5, #s + 2147483647, math.type(#s % 3))"))
                .isEqualTo("2.0\t1\t2.0\t-2147483645\tinteger");
    }
}
