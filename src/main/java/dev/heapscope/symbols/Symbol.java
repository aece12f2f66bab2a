package dev.heapscope.symbols;

/**
 * What a code address resolves to.
 *
 * @param function name of the function (for simulated Lua frames: the Lua function's name)
 * @param file     source file, or null when unknown
 * @param line     source line, 0 when unknown
 */
public record Symbol(int address, String function, String file, int line) {

    /** {@code function} or {@code function (file:line)} when the location is known: for flame graphs. */
    public String frameLabel() {
        if (file == null || file.isEmpty()) {
            return function;
        }
        String shortFile = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return line > 0 ? function + " (" + shortFile + ":" + line + ")" : function + " (" + shortFile + ")";
    }
}
