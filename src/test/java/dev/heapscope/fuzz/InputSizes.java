package dev.heapscope.fuzz;

import java.util.Random;

/**
 * How far a growing mutation may grow an input: usually to {@code typicalBytes}, one time in
 * {@code bigOneIn} to {@code maxBytes}. Big inputs find what grows out of proportion; small ones let a campaign
 * try a million shapes in the time a few thousand big ones would take.
 */
record InputSizes(int typicalBytes, int maxBytes, int bigOneIn) {

    int growth(Random random) {
        return random.nextInt(bigOneIn) == 0 ? maxBytes : typicalBytes;
    }
}
