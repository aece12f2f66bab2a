package dev.heapscope.sim;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installed as the Lua threads' error function, so LuaJ calls it where an error is raised, while the
 * shadow stack still holds the failing frame: rewrites LuaJ's {@code =stdin:1 attempt to call nil}
 * into Lua 5.3's {@code stdin:1: attempt to call a nil value (global 'f')} (what {@code pcall} then
 * returns too) and remembers the traceback for the REPL to print.
 */
final class ErrorDecorator extends OneArgFunction {
    private static final Pattern POSITION = Pattern.compile("^[=@]?([^\\s]*?):(\\d+|\\?) (.*)$", Pattern.DOTALL);
    private static final Pattern ATTEMPT = Pattern.compile(
            "^attempt to (call|get length of|concatenate|index|perform arithmetic on) (?:\\? \\(a (\\w+) value\\)|(\\w+))$");
    private static final Pattern ARITHMETIC = Pattern.compile("^attempt to perform arithmetic \\w+ on (\\w+) and (\\w+)$");

    private final LuaAllocationTracker tracker;
    private String lastTraceback;

    ErrorDecorator(LuaAllocationTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public LuaValue call(LuaValue message) {
        ShadowStack stack = tracker.currentStack();
        ShadowFrame top = stack.top();
        String text = message.tojstring();
        Matcher at = POSITION.matcher(text);
        String decorated = text;
        boolean positioned = at.matches();
        if (positioned) {
            String body = at.group(3);
            decorated = LuaHeap.NOT_ENOUGH_MEMORY.equals(body) ? body
                    : at.group(1) + ":" + at.group(2) + ": " + rewrite(body, top);
        }
        lastTraceback = Tracebacks.of(stack, top != null && Tracebacks.javaCalleeName(top) != null);
        return LuaValue.valueOf(decorated);
    }

    /** For an error raised with its final message ({@code error}'s levels): only the traceback is needed. */
    void recordTraceback() {
        ShadowStack stack = tracker.currentStack();
        ShadowFrame top = stack.top();
        lastTraceback = Tracebacks.of(stack, top != null && Tracebacks.javaCalleeName(top) != null);
    }

    /** The traceback of the most recent error, for the REPL (null once taken). */
    String takeTraceback() {
        String taken = lastTraceback;
        lastTraceback = null;
        return taken;
    }

    static String rewriteSyntax(String message) {
        return message.replaceAll("unexpected symbol \\d+ \\((.+)\\)$", "unexpected symbol near '$1'");
    }

    private static String rewrite(String body, ShadowFrame frame) {
        Matcher attempt = ATTEMPT.matcher(body);
        if (attempt.matches()) {
            String type = attempt.group(2) != null ? attempt.group(2) : attempt.group(3);
            return "attempt to " + attempt.group(1) + " a " + type + " value" + variable(frame);
        }
        Matcher arithmetic = ARITHMETIC.matcher(body);
        if (arithmetic.matches()) {
            String bad = "number".equals(arithmetic.group(1)) ? arithmetic.group(2) : arithmetic.group(1);
            return "attempt to perform arithmetic on a " + bad + " value";
        }
        return OperatorErrors.describe(body, frame);
    }

    /** {@code  (global 'cache')} for the register the failing instruction works on, or "". */
    private static String variable(ShadowFrame frame) {
        if (frame == null) {
            return "";
        }
        int i = frame.code[frame.pc];
        int reg = switch (RegisterNamer.op(i)) {
            case RegisterNamer.OP_LEN, RegisterNamer.OP_GETTABLE, RegisterNamer.OP_SELF -> RegisterNamer.b(i);
            case RegisterNamer.OP_CALL, RegisterNamer.OP_TAILCALL, RegisterNamer.OP_SETTABLE -> RegisterNamer.a(i);
            default -> -1;
        };
        if (reg < 0 || reg > 0xff) {
            return "";
        }
        FunctionName name = RegisterNamer.name(frame.info.proto, frame.pc, reg);
        String phrase = name == null ? null : name.variablePhrase();
        return phrase == null ? "" : " (" + phrase + ")";
    }
}
