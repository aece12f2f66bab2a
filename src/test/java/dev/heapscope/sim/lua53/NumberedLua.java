package dev.heapscope.sim.lua53;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.MathLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST ONLY, until the 5.3 front end compiles numerals through the model: runs a chunk on LuaJ with the
 * build's number libraries, each numeral of the source replaced by a slot holding
 * {@code model.literal(numeral)} (so LuaJ neither folds constants nor makes its own numbers).
 */
final class NumberedLua {
    private static final Pattern TOKEN = Pattern.compile(
            "--[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|\\[\\[.*?]]|[A-Za-z_][A-Za-z0-9_]*"
                    + "|(0[xX](?:\\p{XDigit}*\\.?\\p{XDigit}*)(?:[pP][+-]?\\d+)?|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)",
            Pattern.DOTALL);

    final Globals globals = new Globals();
    final NumberModel model;
    private final StringBuilder out = new StringBuilder();

    NumberedLua(NumberModel model) {
        this.model = model;
        globals.load(new BaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new MathLib());
        LoadState.install(globals);
        LuaC.install(globals);
        NumberLibraries.install(globals, model);
        // the 5.3 operators LuaJ cannot parse, as functions until the front end compiles them
        globals.set("idiv", NumberArgs.fn("idiv", a -> model.floorDivide(a.arg(1), a.arg(2))));
        globals.set("band", NumberArgs.fn("band", a -> model.bitAnd(a.arg(1), a.arg(2))));
        globals.set("bor", NumberArgs.fn("bor", a -> model.bitOr(a.arg(1), a.arg(2))));
        globals.set("bxor", NumberArgs.fn("bxor", a -> model.bitXor(a.arg(1), a.arg(2))));
        globals.set("shl", NumberArgs.fn("shl", a -> model.shiftLeft(a.arg(1), a.arg(2))));
        globals.set("shr", NumberArgs.fn("shr", a -> model.shiftRight(a.arg(1), a.arg(2))));
        globals.set("bnot", NumberArgs.fn("bnot", a -> model.bitNot(a.arg(1))));
        LuaValue tostring = globals.get("tostring");
        globals.set("print", NumberArgs.fn("print", args -> {
            for (int i = 1; i <= args.narg(); i++) {
                out.append(i > 1 ? "\t" : "").append(tostring.call(args.arg(i)).tojstring());
            }
            out.append('\n');
            return LuaValue.NONE;
        }));
    }

    /**
     * Runs the chunk and returns what it printed, or {@code error: message} if it failed; LuaJ's positions
     * ({@code =stdin:1 msg}) written as the board's error decorator writes them ({@code stdin:1: msg}).
     */
    String run(String source) {
        return runRaw(source).replaceAll("=?stdin:(\\d+) ", "stdin:$1: ");
    }

    private String runRaw(String source) {
        out.setLength(0);
        List<LuaValue> constants = new ArrayList<>();
        StringBuilder rewritten = new StringBuilder();
        Matcher m = TOKEN.matcher(source);
        int last = 0;
        while (m.find()) {
            if (m.group(1) == null) {
                continue;
            }
            LuaValue value = model.literal(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("malformed numeral " + m.group(1));
            }
            constants.add(value);
            rewritten.append(source, last, m.start()).append("__K[").append(constants.size()).append(']');
            last = m.end();
        }
        rewritten.append(source.substring(last));
        LuaTable k = new LuaTable(constants.size(), 0);
        for (int i = 0; i < constants.size(); i++) {
            k.rawset(i + 1, constants.get(i));
        }
        globals.set("__K", k);
        try {
            globals.load(rewritten.toString(), "=stdin").call();
            return out.toString();
        } catch (LuaError e) {
            return out + "error: " + e.getMessage();
        }
    }

    /** The single line a chunk printed, without its newline. */
    String line(String source) {
        String printed = run(source);
        return printed.endsWith("\n") ? printed.substring(0, printed.length() - 1) : printed;
    }
}
