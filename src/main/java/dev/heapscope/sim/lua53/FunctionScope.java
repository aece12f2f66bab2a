package dev.heapscope.sim.lua53;

import java.util.ArrayList;
import java.util.List;

/**
 * One function being parsed: whether it is vararg, its active locals and blocks, and its labels and
 * pending gotos, checked with Lua 5.3's rules and words (lparser.c: findlabel, closegoto, movegotosout,
 * undefgoto, checkrepeated; {@code break} is a goto to the label {@code break} a loop block ends with).
 */
final class FunctionScope {
    private record Jump(String name, int line, int activeLocals) {
    }

    private static final class Block {
        final Block previous;
        final boolean isLoop;
        final int activeLocals;
        final int firstLabel;
        final int firstGoto;

        Block(Block previous, boolean isLoop, int activeLocals, int firstLabel, int firstGoto) {
            this.previous = previous;
            this.isLoop = isLoop;
            this.activeLocals = activeLocals;
            this.firstLabel = firstLabel;
            this.firstGoto = firstGoto;
        }
    }

    final FunctionScope parent;
    /** The line of its {@code function} keyword; 0 for the main chunk. */
    int definedAt;
    final boolean vararg;
    private final Lexer lex;
    private final List<String> locals = new ArrayList<>();
    private final List<Jump> labels = new ArrayList<>();
    private final List<Jump> gotos = new ArrayList<>();
    private Block block;

    FunctionScope(FunctionScope parent, boolean vararg, Lexer lex) {
        this.parent = parent;
        this.vararg = vararg;
        this.lex = lex;
    }

    void addLocal(String name) {
        locals.add(name);
    }

    int activeLocals() {
        return locals.size();
    }

    /** Whether a loop encloses the current block (Lua 5.1 checks {@code break} at once). */
    boolean inLoop() {
        for (Block b = block; b != null; b = b.previous) {
            if (b.isLoop) {
                return true;
            }
        }
        return false;
    }

    void enterBlock(boolean isLoop) {
        block = new Block(block, isLoop, locals.size(), labels.size(), gotos.size());
    }

    void leaveBlock() {
        Block left = block;
        if (left.isLoop) {
            Jump breakLabel = new Jump("break", 0, locals.size());
            labels.add(breakLabel);
            resolveGotosTo(breakLabel);
        }
        block = left.previous;
        while (locals.size() > left.activeLocals) {
            locals.remove(locals.size() - 1);
        }
        while (labels.size() > left.firstLabel) {
            labels.remove(labels.size() - 1);
        }
        if (block != null) {
            // pending gotos now leave the block's locals: they may still find a label of the enclosing block
            for (int i = left.firstGoto; i < gotos.size(); ) {
                Jump g = gotos.get(i);
                if (g.activeLocals > left.activeLocals) {
                    gotos.set(i, new Jump(g.name, g.line, left.activeLocals));
                }
                if (!findLabel(i)) {
                    i++;
                }
            }
        } else if (left.firstGoto < gotos.size()) {
            Jump g = gotos.get(left.firstGoto);
            throw lex.semanticError("break".equals(g.name) ? "<break> at line " + g.line + " not inside a loop"
                    : "no visible label '" + g.name + "' for <goto> at line " + g.line);
        }
    }

    void gotoStatement(String name, int line) {
        gotos.add(new Jump(name, line, locals.size()));
        findLabel(gotos.size() - 1);
    }

    /** Checks a label before the no-op statements after it are skipped. */
    void checkNewLabel(String name) {
        for (int i = block.firstLabel; i < labels.size(); i++) {
            if (labels.get(i).name.equals(name)) {
                throw lex.semanticError("label '" + name + "' already defined on line " + labels.get(i).line);
            }
        }
    }

    /** A label {@code ::name::}, before the no-op statements after it are parsed; returns its index. */
    int addLabel(String name, int line) {
        labels.add(new Jump(name, line, locals.size()));
        return labels.size() - 1;
    }

    /** {@code lastInBlock}: only no-op statements follow the label, so the block's locals are out of scope at it. */
    void finishLabel(int index, boolean lastInBlock) {
        Jump label = labels.get(index);
        if (lastInBlock) {
            label = new Jump(label.name, label.line, block.activeLocals);
            labels.set(index, label);
        }
        resolveGotosTo(label);
    }

    private void resolveGotosTo(Jump label) {
        for (int i = block.firstGoto; i < gotos.size(); ) {
            if (gotos.get(i).name.equals(label.name)) {
                close(i, label);
            } else {
                i++;
            }
        }
    }

    private boolean findLabel(int g) {
        Jump pending = gotos.get(g);
        for (int i = block.firstLabel; i < labels.size(); i++) {
            if (labels.get(i).name.equals(pending.name)) {
                close(g, labels.get(i));
                return true;
            }
        }
        return false;
    }

    private void close(int g, Jump label) {
        Jump pending = gotos.get(g);
        if (pending.activeLocals < label.activeLocals) {
            throw lex.semanticError("<goto " + pending.name + "> at line " + pending.line
                    + " jumps into the scope of local '" + locals.get(pending.activeLocals) + "'");
        }
        gotos.remove(g);
    }
}
