package dev.heapscope.sim;

import org.luaj.vm2.LuaError;

/**
 * An error whose message is final (its position, if any, already chosen by {@code error}'s level): LuaJ
 * adds the innermost Lua frame's position and runs the error function only for errors without a
 * traceback, so setting it keeps every enclosing closure from touching the message.
 */
final class PositionedError extends LuaError {
    PositionedError(String message) {
        super(message);
        this.traceback = message;
    }
}
