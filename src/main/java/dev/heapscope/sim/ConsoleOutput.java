package dev.heapscope.sim;

/** Where the virtual board's console bytes go (its UART TX). Called on the board thread. */
@FunctionalInterface
public interface ConsoleOutput {
    void write(byte[] bytes, int offset, int length);
}
