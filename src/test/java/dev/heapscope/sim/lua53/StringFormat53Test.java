package dev.heapscope.sim.lua53;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code string.format} of the 5.3 board: C printf semantics on an int32 and a float promoted to double. */
class StringFormat53Test {
    private final NumberedLua lua = new NumberedLua(Int32SingleFloat.INSTANCE);

    private String format(String arguments) {
        return lua.line("print(string.format(" + arguments + "))");
    }

    @Test
    void widthAndPrecisionOfTheIssue() {
        assertThat(format("'%.2f|%5.1f|%6.3f|%e|%g', 3.14159, 3.14159, 2.5, 12345.678, 0.0001"))
                .isEqualTo("3.14|  3.1| 2.500|1.234568e+04|0.0001");
    }

    @Test
    void hexOfANegativeIsItsThirtyTwoBitTwosComplement() {
        assertThat(format("'%x|%X|%o|%u', -1, 255, 8, -1")).isEqualTo("ffffffff|FF|10|4294967295");
    }

    @Test
    void integerConversionsRefuseFloatsWithoutAnIntegerValue() {
        assertThat(lua.line("print(pcall(string.format, '%d', 3.5))"))
                .isEqualTo("false\tbad argument #2 to 'format' (number has no integer representation)");
        assertThat(format("'%d|%i|%d', 3.0, -7, '12'")).isEqualTo("3|-7|12");
        assertThat(lua.line("print(pcall(string.format, '%d', 'x'))"))
                .isEqualTo("false\tbad argument #2 to 'format' (number expected, got string)");
    }

    @Test
    void stringPrecisionCutsAndWidthPads() {
        assertThat(format("'%5.2s|%-5s|%s|%.1s', 'abc', 'ab', 'whole', 12")).isEqualTo("   ab|ab   |whole|1");
    }

    @Test
    void flagsOnIntegers() {
        assertThat(format("'%5d|%-5d|%05d|%+d|% d|%.3d|%#x|%#o|%5.3d', 42, 42, 42, 42, 42, 7, 255, 8, 7"))
                .isEqualTo("   42|42   |00042|+42| 42|007|0xff|010|  007");
    }

    @Test
    void flagsOnFloats() {
        assertThat(format("'%08.3f|%-8.2f|%+.1f|% .1e|%#.0f|%.0f|%.0f', -3.14159, 2.5, 2.25, 1234.5, 3, 2.5, 3.5"))
                .isEqualTo("-003.142|2.50    |+2.2| 1.2e+03|3.|2|4");
    }

    @Test
    void floatsArePromotedSinglePrecisionValues() {
        assertThat(format("'%.10f|%.17g|%f', 0.1, 0.1, 16777217")).isEqualTo("0.1000000015|0.10000000149011612|16777216.000000");
    }

    @Test
    void generalFormatChoosesFixedOrExponent() {
        assertThat(format("'%g|%g|%g|%g|%#g|%G|%.3g', 100000, 1e6, 1e-5, 0.5, 1, 1e-10, 1234567"))
                .isEqualTo("100000|1e+06|1e-05|0.5|1.00000|1E-10|1.23e+06");
    }

    @Test
    void exponentAndHexFloatFormats() {
        assertThat(format("'%e|%E|%.0e|%a|%A|%.3a|%a', 0, 123.456, 15, 1, 3, 1/3, 0.5"))
                .isEqualTo("0.000000e+00|1.234560E+02|2e+01|0x1p+0|0X1.8P+1|0x1.555p-2|0x1p-1");
    }

    @Test
    void infinityAndNan() {
        assertThat(format("'%f|%5.1f|%e|%g|%F', 1/0, -1/0, 0/0, -(0/0), 1")).startsWith("error");
        assertThat(format("'%f|%5.1f|%e|%G', 1/0, -1/0, 0/0, 1/0")).isEqualTo("inf| -inf|nan|INF");
    }

    @Test
    void characterAndPercent() {
        assertThat(format("'%c%c%c|%%|%3c', 76, 117, 97, 120")).isEqualTo("Lua|%|  x");
    }

    @Test
    void quotedStringsAndNumbers() {
        assertThat(lua.run("print(string.format('%q', 'a\\n\"b\\\\\\0c\\0001\\r'))"))
                .isEqualTo("\"a\\\n\\\"b\\\\\\0c\\0001\\13\"\n");
        assertThat(format("'%q|%q|%q|%q|%q|%q', 42, 0.5, math.mininteger, 1/0, nil, true"))
                .isEqualTo("42|0x1p-1|0x80000000|inf|nil|true");
        assertThat(lua.line("print(pcall(string.format, '%q', {}))"))
                .isEqualTo("false\tbad argument #2 to 'format' (value has no literal form)");
    }

    @Test
    void malformedFormats() {
        assertThat(lua.line("print(pcall(string.format, '%y', 1))")).isEqualTo("false\tinvalid option '%y' to 'format'");
        assertThat(lua.line("print(pcall(string.format, '%------d', 1))")).isEqualTo("false\tinvalid format (repeated flags)");
        assertThat(lua.line("print(pcall(string.format, '%-----d', 1))")).isEqualTo("true\t1");
        assertThat(lua.line("print(pcall(string.format, '%123d', 1))"))
                .isEqualTo("false\tinvalid format (width or precision too long)");
        assertThat(lua.line("print(pcall(string.format, '%.123f', 1))"))
                .isEqualTo("false\tinvalid format (width or precision too long)");
        assertThat(lua.line("print(pcall(string.format, '%d %d', 1))")).isEqualTo("false\tbad argument #3 to 'format' (no value)");
    }

    @Test
    void methodSyntaxReachesTheSameFormat() {
        assertThat(lua.line("print(('%x'):format(-1), ('%5.2s'):format('abc'))")).isEqualTo("ffffffff\t   ab");
    }
}
