package dev.heapscope.sim.lua53;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

import static org.assertj.core.api.Assertions.assertThat;

/** lobject.c's l_str2int/l_str2d for numerals and tonumber, with and without a base. */
class ToNumberAndLiteralsTest {
    private final NumberedLua lua = new NumberedLua(Int32SingleFloat.INSTANCE);
    private final NumberModel model = Int32SingleFloat.INSTANCE;

    private String describe(LuaValue v) {
        return v == null ? "null" : (v instanceof Int32 ? "int " : v instanceof Float32 ? "float " : "? ") + v.tojstring();
    }

    @Test
    void literalsKeepTheirSubtype() {
        assertThat(describe(model.literal("2"))).isEqualTo("int 2");
        assertThat(describe(model.literal("2.0"))).isEqualTo("float 2.0");
        assertThat(describe(model.literal("2."))).isEqualTo("float 2.0");
        assertThat(describe(model.literal(".5"))).isEqualTo("float 0.5");
        assertThat(describe(model.literal("1e2"))).isEqualTo("float 100.0");
        assertThat(describe(model.literal("0x1F"))).isEqualTo("int 31");
        assertThat(describe(model.literal("0xA.8p1"))).isEqualTo("float 21.0");
        assertThat(describe(model.literal("0x.1"))).isEqualTo("float 0.0625");
    }

    @Test
    void decimalOverflowIsAFloatAndHexWraps() {
        assertThat(describe(model.literal("2147483647"))).isEqualTo("int 2147483647");
        assertThat(describe(model.literal("2147483648"))).isEqualTo("float 2.147484e+09");
        assertThat(describe(model.literal("123456789012"))).isEqualTo("float 1.234568e+11");
        assertThat(describe(model.literal("0xffffffff"))).isEqualTo("int -1");
        assertThat(describe(model.literal("0x123456789"))).isEqualTo("int 591751049");
    }

    @Test
    void malformedNumeralsAreNull() {
        for (String bad : new String[]{"", "1e", "0x", "1..2", "3x", "inf", "nan", "1e+", " 1", "-1", "0xg"}) {
            assertThat(model.literal(bad)).as(bad).isNull();
        }
    }

    @Test
    void theModelMakesItsSubtypes() {
        assertThat(describe(model.integer(4294967297L))).isEqualTo("int 1");
        assertThat(describe(model.floating(0.1))).isEqualTo("float 0.1");
        assertThat(model.floating(0.1).todouble()).isEqualTo((double) 0.1f);
    }

    @Test
    void luajsOwnNumbersNormalizeToTheBuildsTypes() {
        assertThat(describe(model.normalize(LuaValue.valueOf(7)))).isEqualTo("int 7");
        assertThat(describe(model.normalize(LuaValue.valueOf(0.5)))).isEqualTo("float 0.5");
        assertThat(model.normalize(LuaValue.valueOf("7")).tojstring()).isEqualTo("7");
        assertThat(DoubleOnly.INSTANCE.normalize(LuaValue.valueOf(0.1)).tojstring()).isEqualTo("0.1");
    }

    @Test
    void tonumberWithoutBase() {
        assertThat(lua.line("print(tonumber('10'), tonumber(' 10 '), tonumber('10.0'), tonumber('1e1'), tonumber('0x1p4'), tonumber('-0x10'))"))
                .isEqualTo("10\t10\t10.0\t10.0\t16.0\t-16");
        assertThat(lua.line("print(tonumber('inf'), tonumber('nan'), tonumber(''), tonumber('1 2'), tonumber('0x'), tonumber(nil), tonumber({}))"))
                .isEqualTo("nil\tnil\tnil\tnil\tnil\tnil\tnil");
        assertThat(lua.line("print(tonumber('2147483648'), tonumber('-2147483648'), math.type(tonumber('-2147483648')))"))
                .isEqualTo("2.147484e+09\t-2147483648\tinteger");
        assertThat(lua.line("print(pcall(tonumber))")).isEqualTo("false\tbad argument #1 to 'tonumber' (value expected)");
    }

    @Test
    void tonumberWithBase() {
        assertThat(lua.line("print(tonumber('ff', 16), tonumber('-ff', 16), tonumber('zz', 36), tonumber('8', 8), tonumber(' 11 ', 2))"))
                .isEqualTo("255\t-255\t1295\tnil\t3");
        assertThat(lua.line("print(tonumber('ffffffff', 16), tonumber('100000000', 16), tonumber('1.5', 10))"))
                .isEqualTo("-1\t0\tnil");
        assertThat(lua.line("print(pcall(tonumber, 10, 16))"))
                .isEqualTo("false\tbad argument #1 to 'tonumber' (string expected, got number)");
        assertThat(lua.line("print(pcall(tonumber, '1', 37))")).isEqualTo("false\tbad argument #2 to 'tonumber' (base out of range)");
    }

    @Test
    void libraryArgumentsThatMustBeIntegers() {
        assertThat(lua.line("print(pcall(string.rep, 'x', 1.5))")).contains("number has no integer representation");
        assertThat(lua.line("print(string.rep('x', 2.0), string.sub('hello', 2.0, 3))")).isEqualTo("xx\tel");
    }
}
