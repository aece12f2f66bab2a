package dev.heapscope.sim.lua53;

/**
 * The ESP-IDF C library's {@code rand()}/{@code srand()} (newlib: a 64-bit linear congruential generator,
 * seed 1 at boot, {@code RAND_MAX = 0x7fffffff}), which both builds' {@code math.random} use: the same
 * sequence as the board, and the same in every run.
 */
final class NewlibRandom {
    static final int RAND_MAX = 0x7fffffff;
    private long next = 1;

    void seed(int seed) {
        next = seed & 0xffffffffL;
    }

    int next() {
        next = next * 6364136223846793005L + 1;
        return (int) ((next >>> 32) & RAND_MAX);
    }
}
