package dev.heapscope.model;

/**
 * What a code address resolves to: from a firmware ELF, a ROM linker script, the simulator's Lua frames,
 * or a line a host monitor printed into the log itself ({@code 0x400d276d: leak_some_memory at
 * /path/blink.c:27}), which is free symbol information when the user has no ELF at hand.
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
