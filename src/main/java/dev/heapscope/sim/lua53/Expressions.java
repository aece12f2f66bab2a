package dev.heapscope.sim.lua53;

/**
 * Lua 5.3's expressions with its priorities (lparser.c subexpr), written out for LuaJ: the operators Lua
 * 5.2 has stay as they are, {@code // & | ~ << >>} and unary {@code ~} become calls of a constant that
 * is replaced by the operator function after compilation, each call wrapping its operands in full, so
 * the 5.2 compiler's own priorities cannot regroup them.
 */
final class Expressions {
    private static final int UNARY_PRIORITY = 12;
    private static final int OTHER = 0, VARIABLE = 1, CALL = 2;

    private final Parser p;
    private final Lexer lex;

    Expressions(Parser parser) {
        this.p = parser;
        this.lex = parser.lex;
    }

    void expr() {
        subexpr(0);
    }

    void exprList() {
        expr();
        while (p.testNext(',')) {
            expr();
        }
    }

    /** Left priority of a binary operator token, 0 if it is none; the right one is {@link #rightPriority}. */
    private int leftPriority(int token) {
        return switch (token) {
            case '+', '-' -> 10;
            case '*', '%', '/' -> 11;
            case '^' -> 14;
            case Tokens.CONCAT -> 9;
            case Tokens.EQ, Tokens.NE, '<', '>', Tokens.LE, Tokens.GE -> 3;
            case Tokens.AND -> 2;
            case Tokens.OR -> 1;
            case Tokens.IDIV -> 11;
            case '&' -> lex.lua51 ? 0 : 6;
            case '~' -> lex.lua51 ? 0 : 5;
            case '|' -> lex.lua51 ? 0 : 4;
            case Tokens.SHL, Tokens.SHR -> 7;
            default -> 0;
        };
    }

    private static int rightPriority(int token) {
        return switch (token) {
            case '^' -> 13;
            case Tokens.CONCAT -> 8;
            default -> -1;
        };
    }

    private static boolean isIntegerOperator(int token) {
        return token == Tokens.IDIV || token == '&' || token == '~' || token == '|' || token == Tokens.SHL || token == Tokens.SHR;
    }

    /** Returns the first binary operator it did not take. */
    /** lparser.c subexpr, one nesting level deeper (enterlevel). */
    private int subexpr(int limit) {
        p.enterLevel();
        try {
            return operators(limit);
        } finally {
            p.leaveLevel();
        }
    }

    private int operators(int limit) {
        int start = p.out.mark();
        int token = lex.token;
        if (token == Tokens.NOT || token == '-' || token == '#') {
            p.take();
            subexpr(UNARY_PRIORITY);
        } else if (token == '~' && !lex.lua51) {
            p.out.emit(p.markers.bitNotCall(), lex.tokenLine);
            lex.next();
            subexpr(UNARY_PRIORITY);
            p.out.emitHere("))");
        } else {
            simple();
        }
        int op = lex.token;
        int left = leftPriority(op);
        while (left > limit) {
            int right = rightPriority(op) >= 0 ? rightPriority(op) : left;
            int next;
            if (isIntegerOperator(op)) {
                p.out.wrap(start, p.markers.operatorCall(op));
                p.out.emit(",", lex.tokenLine);
                lex.next();
                next = subexpr(right);
                p.out.emitHere("))");
            } else {
                p.take();
                next = subexpr(right);
            }
            op = next;
            left = leftPriority(op);
        }
        return op;
    }

    private void simple() {
        switch (lex.token) {
            case Tokens.FLT, Tokens.INT, Tokens.STRING, Tokens.NIL, Tokens.TRUE, Tokens.FALSE -> p.take();
            case Tokens.DOTS -> {
                if (!p.scope.vararg) {
                    throw lex.syntaxError("cannot use '...' outside a vararg function");
                }
                p.take();
            }
            case '{' -> constructor();
            case Tokens.FUNCTION -> {
                p.take();
                p.body(false, lex.line);
            }
            default -> suffixed();
        }
    }

    private int primary() {
        switch (lex.token) {
            case '(' -> {
                int line = lex.line;
                p.take();
                expr();
                p.checkMatch(')', '(', line);
                return OTHER;
            }
            case Tokens.NAME -> {
                p.take();
                return VARIABLE;
            }
            default -> throw lex.syntaxError("unexpected symbol");
        }
    }

    private int suffixed() {
        int line = lex.line;
        int kind = primary();
        for (;;) {
            switch (lex.token) {
                case '.' -> {
                    p.take();
                    p.checkName();
                    kind = VARIABLE;
                }
                case '[' -> {
                    p.take();
                    expr();
                    p.checkNext(']');
                    kind = VARIABLE;
                }
                case ':' -> {
                    p.take();
                    p.checkName();
                    arguments(line);
                    kind = CALL;
                }
                case '(', Tokens.STRING, '{' -> {
                    arguments(line);
                    kind = CALL;
                }
                default -> {
                    return kind;
                }
            }
        }
    }

    private void arguments(int line) {
        switch (lex.token) {
            case '(' -> {
                p.take();
                if (lex.token != ')') {
                    exprList();
                }
                p.checkMatch(')', '(', line);
            }
            case '{' -> constructor();
            case Tokens.STRING -> p.take();
            default -> throw lex.syntaxError("function arguments expected");
        }
    }

    private void constructor() {
        int line = lex.line;
        p.checkNext('{');
        do {
            if (lex.token == '}') {
                break;
            }
            if (lex.token == Tokens.NAME && lex.lookahead() == '=' || lex.token == '[') {
                if (lex.token == Tokens.NAME) {
                    p.checkName();
                } else {
                    p.take();
                    expr();
                    p.checkNext(']');
                }
                p.checkNext('=');
            }
            expr();
        } while (p.testNext(',') || p.testNext(';'));
        p.checkMatch('}', '{', line);
    }

    /** A call or an assignment (lparser.c exprstat and assignment). */
    void expressionStatement() {
        int kind = suffixed();
        if (lex.token == '=' || lex.token == ',') {
            for (;;) {
                if (kind != VARIABLE) {
                    throw lex.syntaxError("syntax error");
                }
                if (!p.testNext(',')) {
                    break;
                }
                kind = suffixed();
            }
            p.checkNext('=');
            exprList();
        } else if (kind != CALL) {
            throw lex.syntaxError("syntax error");
        }
    }
}
