package dev.heapscope.sim.lua53;

/**
 * A Java function standing for a Lua 5.3 operator in compiled code. On the board an operator is an
 * instruction, not a call: tracebacks, shadow stacks and callee names must skip it.
 */
public interface HiddenOperator {

    /** The error-message verb of the operator: {@code perform bitwise operation on} or {@code perform arithmetic on}. */
    String verb();
}
