package dev.heapscope.parse;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bitmap of live addresses counts repeats as sorting every address did, aligned or not. */
class LiveAddressesTest {

    @Test
    void countsRepeatsAndTheLowestRepeatedAddressAsASortWould() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int[] addresses = new int[random.nextInt(400)];
            int base = random.nextBoolean() ? 0x3ffb0000 : random.nextInt(); // some above 0x7fffffff
            for (int i = 0; i < addresses.length; i++) {
                int offset = random.nextInt(random.nextBoolean() ? 64 : 1 << 22); // across pages too
                addresses[i] = base + (random.nextInt(10) == 0 ? offset : offset & ~3);
            }
            LiveAddresses set = new LiveAddresses();
            for (int address : addresses) {
                set.add(address);
            }
            int[] sorted = addresses.clone();
            Arrays.sort(sorted);
            int duplicates = 0;
            int example = 0;
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1] && duplicates++ == 0) {
                    example = sorted[i];
                }
            }
            assertThat(set.duplicates()).isEqualTo(duplicates);
            if (duplicates > 0) {
                assertThat(set.lowestDuplicate()).isEqualTo(example);
            }
        }
    }
}
