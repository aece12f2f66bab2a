package dev.heapscope.sim.lua53;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.compiler.LuaC;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: the cost of compiling a 300-line script through the front end against LuaJ's own
 * compiler alone, once warm. Run with
 * {@code mvn -q test -Dtest=FrontEndCompileBench -Dsurefire.excludedGroups= -Dgroups=slow-bench}.
 */
class FrontEndCompileBench {

    private static String script() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            s.append("local function handler").append(i).append("(conn, payload)\n")
                    .append("  local t = {id = ").append(i).append(", size = #payload, flags = 0x0f}\n")
                    .append("  for k = 1, 10 do t[k] = k * 2 + 1 end\n")
                    .append("  if payload:sub(1, 1) == '{' then\n")
                    .append("    t.json = payload .. \"\\n\" -- a comment\n")
                    .append("  elseif #payload > 100 then t.big = true end\n")
                    .append("  conn:send(string.format('%d %s', t.id, tostring(t.big)))\n")
                    .append("  return t\n")
                    .append("end\n")
                    .append("\n");
        }
        return s.toString();
    }

    @Test
    @Tag("slow-bench")
    void compileCost() throws Exception {
        byte[] source = script().getBytes(StandardCharsets.ISO_8859_1);
        Globals globals = new Globals();
        Lua53Compiler.install(globals, Int32SingleFloat.INSTANCE);
        double frontEnd = measure(() -> globals.compiler.compile(new ByteArrayInputStream(source), "=bench"));
        double luajOnly = measure(() -> LuaC.instance.compile(new ByteArrayInputStream(source), "=bench"));
        System.out.printf("300-line script: front end %.2f ms, LuaC alone %.2f ms%n", frontEnd, luajOnly);
        assertThat(frontEnd).isPositive();
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double measure(Work work) throws Exception {
        for (int i = 0; i < 300; i++) {
            work.run();
        }
        int rounds = 200;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }
}
