package dev.heapscope.sim.lua53;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The board's Lua source front end on LuaJ: parses Lua 5.3 (or 5.1 for the legacy build) with the
 * board's syntax errors, has LuaJ's 5.2 compiler compile a line-for-line translation, then puts the
 * number model's values and the operator functions into the constants. Installed as
 * {@link Globals#compiler}, so the REPL, load, loadstring, dofile, loadfile and require all use it;
 * binary chunks stay LuaJ's undumper's.
 */
public final class Lua53Compiler implements Globals.Compiler {
    private static final String FIRST_PREFIX = "\0L53";

    private final NumberModel numbers;
    private final boolean lua51;
    // one function per operator and state, so a compiled chunk holds no fresh objects per call
    private final Map<Integer, LuaValue> operatorFunctions = new HashMap<>();

    private Lua53Compiler(NumberModel numbers) {
        this.numbers = numbers;
        this.lua51 = !numbers.hasIntegerOperators();
    }

    /** Makes {@code globals} compile Lua source through the front end (and load prototypes as LuaC does). */
    public static void install(Globals globals, NumberModel numbers) {
        LuaC.install(globals);
        globals.compiler = new Lua53Compiler(numbers);
    }

    @Override
    public Prototype compile(InputStream stream, String chunkName) throws IOException {
        byte[] source = stream.readAllBytes();
        String prefix = FIRST_PREFIX;
        for (;;) {
            Markers markers = new Markers(prefix);
            Parser parser = new Parser(new Lexer(source, chunkName, lua51), markers);
            parser.chunk();
            if (!markers.collided) {
                Prototype compiled = LuaC.instance.compile(new ByteArrayInputStream(parser.out.render()), chunkName);
                resolve(compiled, markers);
                return compiled;
            }
            prefix += "\0"; // a string of the script starts like a marker: make the markers longer
        }
    }

    private void resolve(Prototype p, Markers markers) {
        LuaValue[] k = p.k;
        for (int i = 0; i < k.length; i++) {
            if (k[i] instanceof LuaString s && s.m_length > 0 && s.m_bytes[s.m_offset] == 0) {
                String text = s.tojstring();
                String numeral = markers.numerals.get(text);
                if (numeral != null) {
                    k[i] = value(numeral);
                } else if (markers.operators.containsKey(text)) {
                    k[i] = operatorFunctions.computeIfAbsent(markers.operators.get(text), t -> Operators.function(t, numbers));
                }
            }
        }
        for (Prototype inner : p.p) {
            resolve(inner, markers);
        }
    }

    private LuaValue value(String numeral) {
        LuaValue value = numbers.literal(numeral);
        if (value == null) {
            throw new LuaError("malformed number near '" + numeral + "'");
        }
        return value;
    }
}
