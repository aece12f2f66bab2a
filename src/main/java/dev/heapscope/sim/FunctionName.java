package dev.heapscope.sim;

/**
 * What a Lua frame or register is called, as a Lua 5.3 traceback would say it.
 *
 * @param kind      global, field, method, local, upvalue, main chunk, or anonymous
 * @param name      the name for symbols and flame graphs: {@code leak}, {@code cache.put}, {@code main chunk}
 */
record FunctionName(Kind kind, String name) {
    enum Kind { GLOBAL, FIELD, METHOD, LOCAL, UPVALUE, CONSTANT, MAIN, ANONYMOUS }

    static final FunctionName MAIN_CHUNK = new FunctionName(Kind.MAIN, "main chunk");
    static final FunctionName ANONYMOUS = new FunctionName(Kind.ANONYMOUS, "anonymous");

    /** The traceback phrase: {@code function 'leak'}, {@code local 'f'}, {@code main chunk}, {@code function <stdin:3>}. */
    String tracebackPhrase(String chunk, int lineDefined) {
        return switch (kind) {
            case GLOBAL, FIELD -> "function '" + name + "'";
            case METHOD -> "method '" + name.substring(name.indexOf(':') + 1) + "'";
            case LOCAL -> "local '" + name + "'";
            case UPVALUE -> "upvalue '" + name + "'";
            case CONSTANT -> "function '" + name + "'";
            case MAIN -> "main chunk";
            case ANONYMOUS -> "function <" + chunk + ":" + lineDefined + ">";
        };
    }

    /** The variable description in an error: {@code global 'cache'}, {@code local 't'}. */
    String variablePhrase() {
        return switch (kind) {
            case GLOBAL -> "global '" + name + "'";
            case FIELD -> "field '" + name.substring(name.lastIndexOf('.') + 1) + "'";
            case METHOD -> "method '" + name.substring(name.indexOf(':') + 1) + "'";
            case LOCAL -> "local '" + name + "'";
            case UPVALUE -> "upvalue '" + name + "'";
            case CONSTANT -> "constant '" + name + "'";
            case MAIN, ANONYMOUS -> null;
        };
    }
}
