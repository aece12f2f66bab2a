package dev.heapscope.sim.lua53;

import java.util.ArrayList;
import java.util.List;

/**
 * Lua 5.3's statement grammar (lparser.c), checked as the board checks it and written out for LuaJ's
 * Lua 5.2 compiler token by token on the same lines; expressions are {@link Expressions}' part.
 */
final class Parser extends TokenWriter {
    private static final int MAX_C_LEVELS = 200;

    FunctionScope scope;
    private final Expressions expressions;
    private int levels = 1; // the C call that runs the parser (lua_load under the REPL's lua_pcall)

    Parser(Lexer lex, Markers markers) {
        super(lex, markers);
        this.expressions = new Expressions(this);
    }

    /** The main chunk: a vararg function (lparser.c mainfunc). */
    void chunk() {
        scope = new FunctionScope(null, true, lex);
        scope.enterBlock(false);
        lex.next();
        statements();
        check(Tokens.EOS);
        scope.leaveBlock();
    }

    // statements

    private void statements() {
        while (!Tokens.blockFollow(lex.token, true)) {
            if (lex.token == Tokens.RETURN || lex.lua51 && lex.token == Tokens.BREAK) {
                statement();
                return; // Lua 5.1: break is the last statement of a block, too
            }
            statement();
        }
    }

    private void block() {
        scope.enterBlock(false);
        statements();
        scope.leaveBlock();
    }

    /**
     * lparser.c enterlevel: statements and subexpressions nest at most LUAI_MAXCCALLS (200) C levels deep, counting
     * the C call that started the parse, so {@code load(("("):rep(1e5))} is refused with the board's message instead
     * of recursing until the host's stack runs out.
     */
    void enterLevel() {
        if (++levels > MAX_C_LEVELS) {
            if (lex.lua51) {
                throw lex.error("chunk has too many syntax levels", 0);
            }
            String where = scope.parent == null ? "main function" : "function at line " + scope.definedAt;
            throw lex.syntaxError("too many C levels (limit is " + MAX_C_LEVELS + ") in " + where);
        }
    }

    void leaveLevel() {
        levels--;
    }

    private void statement() {
        enterLevel();
        try {
            statementAtLevel();
        } finally {
            leaveLevel();
        }
    }

    private void statementAtLevel() {
        int line = lex.line;
        switch (lex.token) {
            case ';' -> take();
            case Tokens.IF -> ifStatement(line);
            case Tokens.WHILE -> {
                take();
                expressions.expr();
                scope.enterBlock(true);
                checkNext(Tokens.DO);
                block();
                checkMatch(Tokens.END, Tokens.WHILE, line);
                scope.leaveBlock();
            }
            case Tokens.DO -> {
                take();
                block();
                checkMatch(Tokens.END, Tokens.DO, line);
            }
            case Tokens.FOR -> forStatement(line);
            case Tokens.REPEAT -> {
                scope.enterBlock(true);
                scope.enterBlock(false);
                take();
                statements();
                checkMatch(Tokens.UNTIL, Tokens.REPEAT, line);
                expressions.expr();
                scope.leaveBlock();
                scope.leaveBlock();
            }
            case Tokens.FUNCTION -> {
                take();
                checkName();
                while (lex.token == '.') {
                    take();
                    checkName();
                }
                boolean method = testNext(':');
                if (method) {
                    checkName();
                }
                body(method, line);
            }
            case Tokens.LOCAL -> {
                take();
                if (testNext(Tokens.FUNCTION)) {
                    scope.addLocal(checkName());
                    body(false, lex.line);
                } else {
                    localStatement();
                }
            }
            case Tokens.DBCOLON -> {
                take();
                labelStatement(checkName(), line);
            }
            case Tokens.RETURN -> {
                take();
                if (!Tokens.blockFollow(lex.token, true) && lex.token != ';') {
                    expressions.exprList();
                }
                testNext(';');
            }
            case Tokens.BREAK, Tokens.GOTO -> gotoStatement();
            default -> expressions.expressionStatement();
        }
    }

    private void ifStatement(int line) {
        thenBlock();
        while (lex.token == Tokens.ELSEIF) {
            thenBlock();
        }
        if (testNext(Tokens.ELSE)) {
            block();
        }
        checkMatch(Tokens.END, Tokens.IF, line);
    }

    private void thenBlock() {
        take();
        expressions.expr();
        checkNext(Tokens.THEN);
        scope.enterBlock(false);
        if (!lex.lua51 && (lex.token == Tokens.GOTO || lex.token == Tokens.BREAK)) {
            gotoStatement();
            while (testNext(';')) {
                // skipped, as lparser.c test_then_block does
            }
            if (Tokens.blockFollow(lex.token, false)) {
                scope.leaveBlock();
                return;
            }
        }
        statements();
        scope.leaveBlock();
    }

    private void forStatement(int line) {
        scope.enterBlock(true);
        take();
        List<String> names = new ArrayList<>();
        names.add(checkName());
        switch (lex.token) {
            case '=' -> {
                take();
                expressions.expr();
                checkNext(',');
                expressions.expr();
                if (testNext(',')) {
                    expressions.expr();
                }
                forBody(names, "(for index)", "(for limit)", "(for step)");
            }
            case ',', Tokens.IN -> {
                while (testNext(',')) {
                    names.add(checkName());
                }
                checkNext(Tokens.IN);
                expressions.exprList();
                forBody(names, "(for generator)", "(for state)", "(for control)");
            }
            default -> throw lex.syntaxError("'=' or 'in' expected");
        }
        checkMatch(Tokens.END, Tokens.FOR, line);
        scope.leaveBlock();
    }

    private void forBody(List<String> names, String... hidden) {
        for (String h : hidden) {
            scope.addLocal(h);
        }
        checkNext(Tokens.DO);
        scope.enterBlock(false);
        names.forEach(scope::addLocal);
        block();
        scope.leaveBlock();
    }

    private void localStatement() {
        List<String> names = new ArrayList<>();
        do {
            names.add(checkName());
        } while (testNext(','));
        if (testNext('=')) {
            expressions.exprList();
        }
        names.forEach(scope::addLocal);
    }

    private void labelStatement(String name, int line) {
        scope.checkNewLabel(name);
        checkNext(Tokens.DBCOLON);
        int label = scope.addLabel(name, line);
        while (lex.token == ';' || lex.token == Tokens.DBCOLON) {
            statement();
        }
        scope.finishLabel(label, Tokens.blockFollow(lex.token, false));
    }

    private void gotoStatement() {
        int line = lex.line;
        String name;
        if (lex.token == Tokens.GOTO) {
            take();
            name = checkName();
        } else {
            take();
            name = "break";
            if (lex.lua51 && !scope.inLoop()) {
                throw lex.syntaxError("no loop to break");
            }
        }
        scope.gotoStatement(name, line);
    }

    /** {@code ( parlist ) block end}: a new function scope (lparser.c body). */
    void body(boolean method, int line) {
        checkNext('(');
        List<String> parameters = new ArrayList<>();
        if (method) {
            parameters.add("self");
        }
        boolean vararg = false;
        if (lex.token != ')') {
            do {
                if (lex.token == Tokens.NAME) {
                    parameters.add(checkName());
                } else if (lex.token == Tokens.DOTS) {
                    take();
                    vararg = true;
                } else {
                    throw lex.syntaxError("<name> or '...' expected");
                }
            } while (!vararg && testNext(','));
        }
        scope = new FunctionScope(scope, vararg, lex);
        scope.definedAt = line;
        scope.enterBlock(false);
        parameters.forEach(scope::addLocal);
        checkNext(')');
        statements();
        checkMatch(Tokens.END, Tokens.FUNCTION, line);
        scope.leaveBlock();
        scope = scope.parent;
    }
}
