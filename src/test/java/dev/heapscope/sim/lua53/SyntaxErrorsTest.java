package dev.heapscope.sim.lua53;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Syntax errors worded as Lua 5.3.5's llex.c and lparser.c word them (NodeMCU dev-esp32
 * components/lua/lua-5.3), with the line the board's message carries. In the table, {@code \n} is a line break.
 */
class SyntaxErrorsTest {

    private static String compileError(NumberModel model, String source, String chunkName) {
        Globals globals = new Globals();
        Lua53Compiler.install(globals, model);
        try {
            globals.compiler.compile(new ByteArrayInputStream(source.getBytes(StandardCharsets.ISO_8859_1)), chunkName);
            return null;
        } catch (LuaError e) {
            return e.getMessage();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "x = = 1 => stdin:1: unexpected symbol near '='",
            "a, b c => stdin:1: '=' expected near 'c'",
            "function f()\\nprint(1) => stdin:2: 'end' expected (to close 'function' at line 1) near <eof>",
            "function f() print(1) => stdin:1: 'end' expected near <eof>",
            "y = 1\\nprint(1,\\n2 x) => stdin:3: ')' expected (to close '(' at line 2) near 'x'",
            "x = \"abc => stdin:1: unfinished string near <eof>",
            "x = \"abc\\ny = 1 => stdin:1: unfinished string near '\"abc'",
            "x = 3f => stdin:1: malformed number near '3f'",
            "x = 3..2 => stdin:1: malformed number near '3..2'",
            "x = 0x => stdin:1: malformed number near '0x'",
            "x = \u00ff => stdin:1: unexpected symbol near '<\\255>'",
            "local 1 => stdin:1: <name> expected near '1'",
            "function f() return ... end => stdin:1: cannot use '...' outside a vararg function near '...'",
            "break => stdin:1: <break> at line 1 not inside a loop",
            "if x then\\nbreak\\nend => stdin:3: <break> at line 2 not inside a loop",
            "goto x => stdin:1: no visible label 'x' for <goto> at line 1",
            "::a::\\n::a:: => stdin:2: label 'a' already defined on line 1",
            "goto f\\nlocal x\\n::f::\\nprint(x) => stdin:4: <goto f> at line 1 jumps into the scope of local 'x'",
            "x = '\\q' => stdin:1: invalid escape sequence near ''\\q'",
            "x = '\\300' => stdin:1: decimal escape too large near ''\\300''",
            "x = '\\u{110000}' => stdin:1: UTF-8 value too large near ''\\u{110000'",
            "x = '\\xZZ' => stdin:1: hexadecimal digit expected near ''\\xZ'",
            "x = [[abc\\n => stdin:2: unfinished long string (starting at line 1) near <eof>",
            "--[==[ x => stdin:1: unfinished long comment (starting at line 1) near <eof>",
            "x = [==x => stdin:1: invalid long string delimiter near '[=='",
            "x = 1 end => stdin:1: <eof> expected near 'end'",
            "f() = 1 => stdin:1: syntax error near '='",
            "a:b => stdin:1: function arguments expected near <eof>",
            "for i do end => stdin:1: '=' or 'in' expected near 'do'",
            "function f(1) end => stdin:1: <name> or '...' expected near '1'",
            "x = 1 + => stdin:1: unexpected symbol near <eof>",
            "t = {x y} => stdin:1: '}' expected near 'y'",
            "x = 7 // => stdin:1: unexpected symbol near <eof>"})
    void messagesAsLua53(String source, String message) {
        assertThat(compileError(Int32SingleFloat.INSTANCE, source.replace("\\n", "\n"), "=stdin")).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "return 7//2 => stdin:1: unexpected symbol near '/'",
            "return 7 & 3 => stdin:1: '<eof>' expected near '&'",
            "return ~0 => stdin:1: unexpected symbol near '~'",
            "return 1 << 4 => stdin:1: unexpected symbol near '<'",
            "x = 3x => stdin:1: malformed number near '3x'",
            "break => stdin:1: no loop to break near '<eof>'",
            "function f()\\nprint(1) => stdin:2: 'end' expected (to close 'function' at line 1) near '<eof>'"})
    void legacyBuildParsesLua51(String source, String message) {
        assertThat(compileError(DoubleOnly.INSTANCE, source.replace("\\n", "\n"), "=stdin")).isEqualTo(message);
    }

    @Test
    void validFiveThreeSyntaxCompiles() {
        String script = String.join("\n",
                "local s = 'a\\z",
                "   b\\x41\\65\\u{48}\\u{20AC}' .. [==[",
                "long]]string]==] --[[ long",
                "comment ]] x = 0x1p4 + 0x.8 + 1e2 + .5 + 3.",
                "for i = 1, 3 do",
                "  if i == 2 then goto continue end",
                "  local y = i",
                "  ::continue::",
                "end",
                "while true do break end",
                "repeat local z = 1 until z == 1",
                "local t = {1, 2; x = 3, ['y'] = 4, f = function(...) return select('#', ...) end}",
                "function t.a.b:c(p, ...) return self, p, ... end",
                "return #t, -x, not x, t:c(1)");
        // the values of numerals are the number model's: any value will do to check the syntax
        NumberModel anyValue = (NumberModel) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{NumberModel.class}, (proxy, method, args) ->
                        method.getName().equals("hasIntegerOperators") ? Boolean.TRUE : org.luaj.vm2.LuaValue.ZERO);
        assertThat(compileError(anyValue, script, "=stdin")).isNull();
    }

    @Test
    void aFirstLineStartingWithHashIsSkippedInFilesOnly() {
        assertThat(compileError(Int32SingleFloat.INSTANCE, "#!/usr/bin/lua\nreturn 1", "@init.lua")).isNull();
        assertThat(compileError(Int32SingleFloat.INSTANCE, "#!/usr/bin/lua\nreturn 1", "=stdin"))
                .isEqualTo("stdin:1: unexpected symbol near '#'");
    }

    @Test
    void chunkNamesInMessagesAsLuaNamesThem() {
        assertThat(compileError(Int32SingleFloat.INSTANCE, "x = = 1", "@init.lua")).startsWith("init.lua:1: ");
        assertThat(compileError(Int32SingleFloat.INSTANCE, "x = = 1", "x = = 1")).startsWith("[string \"x = = 1\"]:1: ");
        assertThat(compileError(Int32SingleFloat.INSTANCE, "x = = 1", "=(load)")).startsWith("(load):1: ");
    }

    @Test
    void aScriptStringThatLooksLikeAnInternalConstantStaysAString() {
        Globals globals = new Globals();
        Lua53Compiler.install(globals, Int32SingleFloat.INSTANCE);
        globals.load(new org.luaj.vm2.lib.BaseLib());
        String script = "return '\\0L53n2', '\\0L53o&', 2";
        org.luaj.vm2.Varargs results = globals.load(script, "=stdin").invoke();
        assertThat(results.arg(1).isstring()).isTrue();
        assertThat(results.arg(1).tojstring()).isEqualTo("\0L53n2");
        assertThat(results.arg(2).tojstring()).isEqualTo("\0L53o&");
        assertThat(results.arg(3).toint()).isEqualTo(2);
    }
}
