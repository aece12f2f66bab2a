package dev.heapscope.sim.lua53;

/** The parser's token steps (lparser.c check, checknext, testnext, check_match), each writing what it takes. */
abstract class TokenWriter {
    final Lexer lex;
    final Emitter out = new Emitter();
    final Markers markers;

    TokenWriter(Lexer lex, Markers markers) {
        this.lex = lex;
        this.markers = markers;
    }


    /** Writes the current token out and moves to the next. */
    void take() {
        String spelled = switch (lex.token) {
            case Tokens.NAME -> lex.text;
            case Tokens.STRING -> {
                markers.userString(lex.string);
                yield Emitter.quote(lex.string);
            }
            case Tokens.INT, Tokens.FLT -> markers.numeral(lex.text);
            default -> Tokens.spelling(lex.token);
        };
        out.emit(spelled, lex.tokenLine);
        lex.next();
    }

    void check(int token) {
        if (lex.token != token) {
            throw lex.syntaxError(Tokens.describe(token, lex.lua51) + " expected");
        }
    }

    void checkNext(int token) {
        check(token);
        take();
    }

    boolean testNext(int token) {
        if (lex.token == token) {
            take();
            return true;
        }
        return false;
    }

    /** lparser.c check_match: names the opening token when it is on another line. */
    void checkMatch(int what, int who, int where) {
        if (!testNext(what)) {
            if (where == lex.line) {
                check(what);
            }
            throw lex.syntaxError(Tokens.describe(what, lex.lua51) + " expected (to close "
                    + Tokens.describe(who, lex.lua51) + " at line " + where + ")");
        }
    }

    String checkName() {
        check(Tokens.NAME);
        String name = lex.text;
        take();
        return name;
    }
}
