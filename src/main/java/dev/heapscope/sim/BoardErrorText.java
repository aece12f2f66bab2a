package dev.heapscope.sim;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The text the board prints for an error that ended a chunk or callback, never in Java's words: LuaJ wraps an
 * exception of its own as {@code vm error: java.lang.ArrayIndexOutOfBoundsException: ...}, which no board prints
 * and no user can act on; what it means for the script is said instead.
 */
final class BoardErrorText {
    static final String INTERNAL = "the virtual board cannot run this (a limit of its Lua engine was hit)";

    private BoardErrorText() {
    }

    /** lua.c's msghandler text for an error object: a string as it is, nil, or the object's type. */
    static String of(LuaError e) {
        LuaValue message = e.getMessageObject();
        String text = message == null ? "nil" : message.isstring() ? message.tojstring()
                : "(error object is a " + message.typename() + " value)";
        return withoutJava(text);
    }

    /** A Java exception that escaped the board's code: what it means, not its class. */
    static String of(RuntimeException e) {
        return e instanceof LuaError error ? of(error) : INTERNAL;
    }

    /** Replaces LuaJ's {@code vm error: java...} (keeping the position before it) by a board's words. */
    static String withoutJava(String text) {
        int at = text.indexOf("vm error: "); // only LuaJ's marker: "java." may be a script's own text
        if (at < 0) {
            return text;
        }
        String rest = text.substring(at);
        String meaning = rest.contains("OutOfMemoryError") || rest.contains("NegativeArraySize")
                ? LuaHeap.NOT_ENOUGH_MEMORY : rest.contains("StackOverflowError") ? "stack overflow" : INTERNAL;
        return text.substring(0, at) + meaning;
    }
}
