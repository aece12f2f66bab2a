package dev.heapscope.session;

import dev.heapscope.model.TraceMode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the heaptrace verbs a user types at the console (a line that is exactly one call), so the
 * session's picture of the trace state stays right and a crash they cause can be explained.
 */
final class TypedVerbs {
    private static final Pattern VERB = Pattern.compile(
            "\\s*heaptrace\\s*\\.\\s*(init|start|stop|resume)\\s*\\(\\s*([^)]*?)\\s*\\)\\s*;?\\s*");

    private TypedVerbs() {
    }

    static void observe(String lua, TraceStateMachine trace) {
        Matcher verb = VERB.matcher(lua);
        if (!verb.matches()) {
            return;
        }
        String argument = verb.group(2);
        switch (verb.group(1)) {
            case "init" -> {
                if (argument.matches("\\d+")) {
                    trace.initialized(Integer.parseInt(argument));
                }
            }
            case "start" -> {
                if (argument.equals("heaptrace.TRACE_LEAKS") || argument.equals("1")) {
                    trace.started(TraceMode.LEAKS);
                } else if (argument.equals("heaptrace.TRACE_ALL") || argument.equals("0")) {
                    trace.started(TraceMode.ALL);
                }
            }
            case "stop" -> trace.stopped();
            default -> trace.resumed();
        }
    }
}
