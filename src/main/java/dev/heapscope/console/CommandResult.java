package dev.heapscope.console;

import java.util.List;

/**
 * What the board printed in answer to one command, between its echo and the next prompt.
 *
 * @param command   the Lua line(s) sent
 * @param output    the lines printed, without the echo and the prompt
 * @param luaError  the message of a {@code Lua error:} in the output, or null
 * @param wantsMore the board answered a typed line with {@code >> }: the chunk is not complete yet
 */
public record CommandResult(String command, List<String> output, String luaError, long sentAtMillis,
                            long answeredAtMillis, boolean wantsMore) {

    public CommandResult {
        output = List.copyOf(output);
    }

    public CommandResult(String command, List<String> output, String luaError, long sentAtMillis, long answeredAtMillis) {
        this(command, output, luaError, sentAtMillis, answeredAtMillis, false);
    }

    public boolean failed() {
        return luaError != null;
    }

    /** The output as one text, lines joined with {@code \n}. */
    public String text() {
        return String.join("\n", output);
    }
}
